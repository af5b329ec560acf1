// Writes `name.br` and `name.gz` beside every compressible file of the build, at the highest
// quality, so `gotong serve` can send the one the browser accepts (src/api/static_files.cpp)
// without compressing anything per request. Node's own zlib: no extra dependency.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text the server sends with a compressible type; source maps only reach developer tools. */
const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|txt|webmanifest)$/i;

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

export function brotli(data: Buffer): Buffer {
  return brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

export function gzip(data: Buffer): Buffer {
  return gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
}

/** Compresses every compressible file under `dir`; a variant no smaller than the file is not kept. */
export async function precompressDir(dir: string): Promise<{ files: number; before: number; brotli: number }> {
  let files = 0;
  let before = 0;
  let brotliBytes = 0;
  for await (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const data = await readFile(file);
    files += 1;
    before += data.length;
    let smallest = data.length;
    for (const [suffix, compress] of [['.br', brotli], ['.gz', gzip]] as const) {
      const packed = compress(data);
      if (packed.length < data.length) {
        await writeFile(file + suffix, packed);
        smallest = Math.min(smallest, packed.length);
      } else {
        await rm(file + suffix, { force: true });
      }
    }
    brotliBytes += smallest;
  }
  return { files, before, brotli: brotliBytes };
}

/** The Vite plugin: runs once the build has written its output directory. */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'gotong-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const { files, before, brotli: after } = await precompressDir(outDir);
      this.info(`precompressed ${files} files: ${(before / 1024).toFixed(1)} KB -> ${(after / 1024).toFixed(1)} KB (br)`);
    },
  };
}
