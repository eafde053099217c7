/** A progress bar on stderr when it is a terminal; silent otherwise (cron, pipes, tests). */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const tty = Boolean(stream.isTTY) && !process.env.CI;
  let last = 0;
  return {
    update(done: number, total: number, unit = "") {
      if (!tty || total <= 0) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const frac = Math.min(1, done / total);
      const bar = "█".repeat(Math.round(frac * width)).padEnd(width, "░");
      stream.write(`\r${label} ${bar} ${(frac * 100).toFixed(0).padStart(3)}% ${unit}`);
    },
    done() {
      if (tty) stream.write("\n");
    },
  };
}
