// A one-line progress bar on stderr for long ingestion; silent when not on a terminal.
export function progressBar(write: (t: string) => void, enabled: boolean) {
  let last = 0;
  let shown = false;
  return {
    update(file: string, done: number, total: number | undefined): void {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 100 && (total === undefined || done < total)) return;
      last = now;
      shown = true;
      const mb = (n: number) => (n / 1048576).toFixed(1);
      if (total && total > 0) {
        const ratio = Math.min(1, done / total);
        const filled = Math.round(ratio * 30);
        write(`\r[${'#'.repeat(filled)}${'-'.repeat(30 - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${file} ${mb(done)}/${mb(total)} MB`);
      } else {
        write(`\r${file}: ${mb(done)} MB read`);
      }
    },
    finish(): void {
      if (enabled && shown) write('\r\x1b[K');
    },
  };
}
