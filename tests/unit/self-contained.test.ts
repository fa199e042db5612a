/**
 * The project stands alone: a clone anywhere passes its tests. No source, test, bench or config file
 * may reach a path outside the repository (the team's reference folder beside the clone is reading
 * material, not a dependency). .ci/run also runs the suite from a copy in an empty folder.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const CODE = /\.(?:[cm]?[jt]sx?|json|html|sh)$|(?:^|\/)\.ci\/run$/;

const NOT_OURS = new Set(['node_modules', '.output', '.wxt', '.git', 'demo-output']);

/** The repository's files: git's list, or a walk of the tree when there is no git (an unpacked archive). */
function projectFiles(): string[] {
  let files: string[];
  try {
    files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0');
  } catch {
    files = readdirSync(ROOT, { recursive: true, encoding: 'utf8' }).filter((file) => !NOT_OURS.has(file.split(path.sep)[0]!));
  }
  return files.filter((file) => file && CODE.test(file) && !file.endsWith('package-lock.json'));
}

/** Relative paths in string literals ('../x', "../../y") that resolve outside the repository from the file's folder. */
export function pathsOutside(file: string, source: string, root = ROOT): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/['"`]((?:\.\.\/)+[^'"`\s]*)['"`]/g)) {
    const target = path.resolve(root, path.dirname(file), match[1]!);
    if (path.relative(root, target).startsWith('..')) found.push(match[1]!);
  }
  for (const match of source.matchAll(/(?:\.\.\/)+shared\/[\w./-]*/g)) found.push(match[0]);
  return found;
}

describe('the repository stands alone', () => {
  it('the check itself catches a path outside the repository', () => {
    // Built from parts, so this file does not trip its own check.
    const up = (n: number, rest: string) => `${'../'.repeat(n)}${rest}`;
    const sharedFixture = up(3, 'shared/fixtures/graph/a.json');
    expect(pathsOutside('tests/unit/x.test.ts', `readFileSync('${sharedFixture}')`)).toContain(sharedFixture);
    expect(pathsOutside('tests/unit/x.test.ts', `// see ${up(2, 'shared/reference/quarantine.md')}`)).toHaveLength(1);
    expect(pathsOutside('tests/unit/x.test.ts', `resolve(here, '${up(1, 'fixtures/jobs')}')`)).toEqual([]);
    expect(pathsOutside('bench/x.mjs', `const dir = '${up(2, 'other-project/data')}'`)).toEqual([up(2, 'other-project/data')]);
  });

  it('no tracked code, test or config file refers to a path outside it', () => {
    const files = projectFiles();
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) =>
      pathsOutside(file, readFileSync(path.join(ROOT, file), 'utf8')).map((found) => `${file}: ${found}`),
    );
    expect(offenders).toEqual([]);
  });
});
