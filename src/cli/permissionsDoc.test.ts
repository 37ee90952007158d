import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderPermissionsMarkdown } from './permissionsDoc';

describe('docs/permissions.md', () => {
  it('is the table the code enforces (regenerate with `npm run vsoko -- docs:permissions`)', () => {
    expect(readFileSync('docs/permissions.md', 'utf8')).toBe(renderPermissionsMarkdown());
  });
});
