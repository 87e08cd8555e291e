/**
 * The layout's progress and the camera's target. The target is what the camera keeps framed while the
 * layout moves nodes (a selection from a link, an overlap focus, a console result), until the user moves it.
 */
import { signal } from '@preact/signals-core';

export type FrameTarget = { nodes: ReadonlySet<string> } | 'all';

export function createLayoutStore(seed: number) {
  const running = signal(false);
  const progress = signal(0);
  /** Bumped each time the layout moved nodes. */
  const step = signal(0);
  const frame = signal<FrameTarget | null>(null);
  return {
    seed,
    running,
    progress,
    step,
    frame,
    started() {
      running.value = true;
      progress.value = 0;
    },
    moved(fraction: number) {
      progress.value = fraction;
      step.value++;
    },
    stopped() {
      running.value = false;
      progress.value = 1;
    },
    frameOn(target: FrameTarget) {
      frame.value = target;
    },
    /** The user took the camera: stop following the target. */
    release() {
      frame.value = null;
    },
  };
}
export type LayoutStore = ReturnType<typeof createLayoutStore>;
