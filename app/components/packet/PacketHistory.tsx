import { Link } from "@remix-run/react";
import { Table } from "~/components/Table";
import { when } from "~/format";
import type { PacketData } from "./types";

/** The packet's versions (which upload and line each came from) and its latest audit entries. */
export function PacketHistory({ d }: { d: PacketData }) {
  return (
    <>
      <h2>History</h2>
      <div className="charts">
        <Table label="Packet versions">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Upload</th>
              <th scope="col">Line</th>
              <th scope="col">Imported</th>
            </tr>
          </thead>
          <tbody>
            {d.versions.map((v) => (
              <tr key={v.version}>
                <td>v{v.version}</td>
                <td>
                  <Link to="/uploads">#{v.upload_id}</Link>
                </td>
                <td>{v.line}</td>
                <td>{when(v.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
        <Table label="Packet audit trail">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {d.audit.slice(0, 40).map((a) => (
              <tr key={a.seq}>
                <td>{when(a.logged_at)}</td>
                <td>{a.actor}</td>
                <td>{a.action}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </>
  );
}
