// "files done / total" on stderr while a large project is analysed, so that a long CI step or a
// terminal run does not look hung. Silent when stderr is not a terminal (logs, pipes, tests) and
// for small projects, where the line would only flicker.

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): boolean;
}

export interface Progress {
  /** One more file done. */
  tick(): void;
  /** Erases the line; call before anything else is written to the stream. */
  done(): void;
}

/** Projects with fewer files than this finish before a progress line would help. */
export const largeProjectFileCount = 200;

const silent: Progress = { tick() {}, done() {} };

export function createProgress(total: number, stream: ProgressStream, minimumFiles = largeProjectFileCount): Progress {
  if (stream.isTTY !== true || total < minimumFiles) return silent;
  let doneCount = 0;
  let shownPercent = -1;
  let shown = false;
  const show = (): void => {
    // Redraw only when the percentage moves: a write per file would cost more than the file.
    const percent = Math.floor((doneCount * 100) / total);
    if (percent === shownPercent) return;
    shownPercent = percent;
    shown = true;
    stream.write(`\r\x1b[2Kslotguard: ${doneCount}/${total} files (${percent}%)`);
  };
  show();
  return {
    tick() {
      doneCount++;
      show();
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
