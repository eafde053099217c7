import { mkdtempSync } from "node:fs";
import { readUploadForm } from "../app/upload-form.server";
for (const name of ["pipeline=open.csv", "Q3;final.csv"]) {
  const form = new FormData();
  form.set("kind", "handoffs");
  form.set("file", new Blob(["a,b\n1,2\n"], { type: "text/csv" }), name);
  const req = new Request("http://x/uploads", { method: "POST", body: form });
  try {
    const r = await readUploadForm(req, mkdtempSync("/tmp/hx/u-"));
    console.log(name, r.uploaded, r.fields);
  } catch (e) {
    console.log(name, "ERR", (e as Error).stack?.split("\n").slice(0, 6).join("\n"));
  }
}
