// A scoring worker thread (see pool.server.ts): scores the packets it is sent with the deterministic detectors and
// answers with each packet's result in the same order. No database, no network: the main thread reads and writes.
import { parentPort } from "node:worker_threads";
import type { PacketText } from "../packet";
import { scoreOrError, type PacketResult } from "./score-one";

parentPort!.on("message", (m: { id: number; packets: PacketText[] }) => {
  const results: PacketResult[] = m.packets.map(scoreOrError);
  parentPort!.postMessage({ id: m.id, results });
});
