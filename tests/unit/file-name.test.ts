import { describe, expect, it } from 'vitest';
import { MAX_FILE_BASE, fileBaseName } from '../../src/export/download';

describe('fileBaseName: a file name from a dataset title', () => {
  it('drops apostrophes inside a word instead of leaving "-s-"', () => {
    expect(fileBaseName("Tajikistan's security partners")).toBe('tajikistans-security-partners');
    expect(fileBaseName('Tajikistan’s security partners and threats (2023)')).toBe('tajikistans-security-partners-and-threats-2023');
    expect(fileBaseName('Tajikistanʼs allies')).toBe('tajikistans-allies');
  });

  it('strips accents from Latin letters and keeps other scripts in their own letters', () => {
    expect(fileBaseName('Côte d’Ivoire – Mali')).toBe('cote-divoire-mali');
    expect(fileBaseName('Таджикистан и Россия: союзники')).toBe('таджикистан-и-россия-союзники');
    // й and ё keep their marks: they are other letters than и and е, not accented ones.
    expect(fileBaseName('Йемен, Алёна')).toBe('йемен-алёна');
    expect(fileBaseName('طالبان و تاجیکستان')).toBe('طالبان-و-تاجیکستان');
    expect(fileBaseName('भारत और चीन')).toBe('भारत-और-चीन');
    expect(fileBaseName('Ελλάδα')).toBe('ελλάδα');
  });

  it('caps the length at a dash, and cuts a single long word whole characters only', () => {
    const long = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const name = fileBaseName(long);
    expect(name.length).toBeLessThanOrEqual(MAX_FILE_BASE);
    expect(name.endsWith('-')).toBe(false);
    expect(long.toLowerCase().replace(/ /g, '-').startsWith(`${name}-`)).toBe(true);
    const oneWord = '𝐀'.repeat(100); // 2 UTF-16 units each: NFKD makes them plain A
    expect(fileBaseName(oneWord)).toBe('a'.repeat(MAX_FILE_BASE));
    const emoji = `x${'😀'.repeat(5)}${'ж'.repeat(100)}`;
    expect(fileBaseName(emoji)).toBe(`x-${'ж'.repeat(MAX_FILE_BASE - 2)}`);
    const surrogates = '𠀀'.repeat(60); // CJK Extension B: letters, 2 units each
    const cut = fileBaseName(surrogates);
    expect(cut).toBe('𠀀'.repeat(MAX_FILE_BASE / 2));
  });

  it('never gives an empty or a Windows-reserved name', () => {
    expect(fileBaseName('')).toBe('actorscope');
    expect(fileBaseName('!!! ???')).toBe('actorscope');
    expect(fileBaseName('😀')).toBe('actorscope');
    for (const reserved of ['CON', 'con', 'Nul', 'PRN', 'aux', 'COM1', 'lpt9', ' nul. '])
      expect(fileBaseName(reserved)).toBe(`${reserved.trim().replace('.', '').toLowerCase()}-actorscope`);
    expect(fileBaseName('Console')).toBe('console');
    expect(fileBaseName('CON 2')).toBe('con-2');
  });
});
