/**
 * The floor under any canvas-2D redraw of a 10k/50k graph on this machine: 50,000 lines on a
 * canvas the size of the explorer's (753 × 849), drawn in headless Chromium (software raster,
 * --disable-gpu) two ways, each 5 times, median reported:
 *
 * - `each`: one path and one stroke per line, with its width, colour and opacity set (what
 *   Cytoscape's canvas renderer does per haystack edge, without its per-edge style look-ups);
 * - `grouped`: one Path2D per width × colour (24 strokes in all).
 *
 *   node tests/bench/browser/canvas-floor.mjs
 *
 * See tests/bench/README.md ("The second session"): if drawing the lines alone takes longer
 * than a long task's 100 ms, no canvas-2D renderer redraws every relation within it here.
 */
import { chromium } from 'playwright-core';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1500, height: 920 } });
  await page.setContent('<canvas id="c" width="753" height="849"></canvas>');
  // (A string, not a function: the page gets the code as written, without a bundler's helpers.)
  const result = await page.evaluate(`(() => {
    const W = 753, H = 849, LINES = 50000;
    const ctx = document.getElementById('c').getContext('2d');
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const at = new Float64Array(LINES * 4);
    const colourOf = new Uint8Array(LINES);
    const widthOf = new Uint8Array(LINES);
    for (let i = 0; i < LINES; i++) {
      for (let k = 0; k < 4; k++) at[4 * i + k] = random() * (k % 2 ? H : W);
      colourOf[i] = Math.floor(random() * 8);
      widthOf[i] = Math.floor(random() * 3);
    }
    const colours = ['#1565c0', '#2e7d32', '#c62828', '#6a1b9a', '#ef6c00', '#00838f', '#4e342e', '#37474f'];
    const each = () => {
      ctx.clearRect(0, 0, W, H);
      for (let i = 0; i < LINES; i++) {
        ctx.lineWidth = 0.5 + widthOf[i] * 0.3;
        ctx.strokeStyle = colours[colourOf[i]];
        ctx.globalAlpha = 0.5;
        ctx.beginPath();
        ctx.moveTo(at[4 * i], at[4 * i + 1]);
        ctx.lineTo(at[4 * i + 2], at[4 * i + 3]);
        ctx.stroke();
      }
    };
    const grouped = () => {
      ctx.clearRect(0, 0, W, H);
      for (let c = 0; c < 8; c++) {
        for (let w = 0; w < 3; w++) {
          const path = new Path2D();
          for (let i = 0; i < LINES; i++) {
            if (colourOf[i] !== c || widthOf[i] !== w) continue;
            path.moveTo(at[4 * i], at[4 * i + 1]);
            path.lineTo(at[4 * i + 2], at[4 * i + 3]);
          }
          ctx.lineWidth = 0.5 + w * 0.3;
          ctx.strokeStyle = colours[c];
          ctx.globalAlpha = 0.5;
          ctx.stroke(path);
        }
      }
    };
    const median = (draw) => {
      const times = [];
      for (let run = 0; run < 5; run++) {
        const start = performance.now();
        draw();
        ctx.getImageData(0, 0, 1, 1); // waits for the raster
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      return { median: Math.round(times[2]), runs: times.map(Math.round) };
    };
    return { each: median(each), grouped: median(grouped) };
  })()`);
  console.log(`50,000 lines on a 753 × 849 canvas, headless Chromium (software raster), median of 5 (ms):`);
  console.log(`  one stroke per line: ${result.each.median} (${result.each.runs.join(', ')})`);
  console.log(`  one Path2D per width × colour: ${result.grouped.median} (${result.grouped.runs.join(', ')})`);
} finally {
  await browser.close();
}
