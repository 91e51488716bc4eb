import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The contracts package goes into the mini-program bundle, so it may import only
 * framework-free libraries. This walks every source file and every import in it.
 */
const SRC_DIR = join(__dirname, '..', 'src');
const ALLOWED_PACKAGES = new Set(['class-validator', 'class-transformer']);
const FORBIDDEN_PREFIXES = [
  '@nestjs/',
  'typeorm',
  'fastify',
  '@fastify/',
  'express',
  'mysql2',
  'better-sqlite3',
  'pino',
];
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importSpecifiers(source: string): string[] {
  const pattern =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  return [...source.matchAll(pattern)].map((match) => match[1] ?? match[2] ?? match[3] ?? match[4]);
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

describe('contracts purity', () => {
  const files = sourceFiles(SRC_DIR);

  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it.each(files.map((file) => [relative(SRC_DIR, file), file]))(
    '%s imports only allowed modules',
    (_name, file) => {
      const offending = importSpecifiers(readFileSync(file, 'utf8'))
        .filter((specifier) => !specifier.startsWith('.'))
        .filter(
          (specifier) =>
            NODE_BUILTINS.has(specifier) || !ALLOWED_PACKAGES.has(packageName(specifier)),
        );
      expect(offending).toEqual([]);
    },
  );

  it('detects a forbidden import (the check can fail)', () => {
    const sample =
      "import { Injectable } from '@nestjs/common';\nimport { readFile } from 'node:fs';\nimport x from 'typeorm';";
    const found = importSpecifiers(sample);
    expect(found).toEqual(['@nestjs/common', 'node:fs', 'typeorm']);
    expect(
      found.every(
        (specifier) =>
          NODE_BUILTINS.has(specifier) || FORBIDDEN_PREFIXES.some((p) => specifier.startsWith(p)),
      ),
    ).toBe(true);
  });
});
