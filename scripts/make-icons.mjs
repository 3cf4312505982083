// Renders build/icon.svg into the installer icons with Chromium: build/icon.png (512 px),
// build/icons/<n>x<n>.png for Linux, build/icon.ico (Windows) and build/icon.icns (macOS).
// .ico and .icns both carry PNG images, which every Windows since Vista and macOS since 10.7 read.
// Run after changing the SVG: node scripts/make-icons.mjs (CARDFILE_CHROMIUM overrides the browser).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BUILD = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// The icns element types that hold PNG data, by pixel size.
const ICNS_TYPES = { 16: 'icp4', 32: 'icp5', 64: 'icp6', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };

async function render() {
  const svg = fs.readFileSync(path.join(BUILD, 'icon.svg')).toString('base64');
  const browser = await chromium.launch({
    executablePath: process.env.CARDFILE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const pngs = new Map();
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(`<html><body style="margin:0;background:transparent"><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${svg}"></body></html>`);
      await page.locator('img').evaluate((img) => img.decode());
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return pngs;
}

function ico(pngs) {
  const header = Buffer.alloc(6 + 16 * ICO_SIZES.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(ICO_SIZES.length, 4);
  let offset = header.length;
  ICO_SIZES.forEach((size, i) => {
    const at = 6 + 16 * i;
    const data = pngs.get(size);
    header.writeUInt8(size >= 256 ? 0 : size, at); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...ICO_SIZES.map((s) => pngs.get(s))]);
}

function icns(pngs) {
  const elements = Object.entries(ICNS_TYPES).map(([size, type]) => {
    const data = pngs.get(Number(size));
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + elements.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...elements]);
}

const pngs = await render();
fs.mkdirSync(path.join(BUILD, 'icons'), { recursive: true });
fs.writeFileSync(path.join(BUILD, 'icon.png'), pngs.get(512));
for (const size of [16, 32, 48, 64, 128, 256, 512]) fs.writeFileSync(path.join(BUILD, 'icons', `${size}x${size}.png`), pngs.get(size));
fs.writeFileSync(path.join(BUILD, 'icon.ico'), ico(pngs));
fs.writeFileSync(path.join(BUILD, 'icon.icns'), icns(pngs));
console.log(`wrote icon.png, icons/, icon.ico, icon.icns in ${BUILD}`);
