/**
 * Editing in headless Chromium: add, edit and delete actors and relations
 * (claims included), by form and by dragging; undo and redo by button and
 * keyboard; positions stay put across edits.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import dataset from '../../public/data/tajikistan-2023.json';
import { actorScreenPoint, openAppForEachTest, pickActor } from './browser';

let page: Page;
openAppForEachTest((opened) => (page = opened));

const cyState = () =>
  page.evaluate(() => {
    const cy = window.__actorscope!.cy;
    return {
      names: cy.nodes().map((n) => n.data('name') as string).sort(),
      edges: cy.edges().length,
    };
  });

const nodePosition = (actorId: string) =>
  page.evaluate((id) => {
    const n = window.__actorscope!.cy.nodes().filter((x) => x.data('actorId') === id)[0];
    return n ? { ...n.position() } : null;
  }, actorId);



describe('editing', () => {
  it('adds an actor, edits it, deletes it, and undoes and redoes each step', async () => {
    const before = await cyState();
    const russiaAt = await nodePosition('russia');
    // Small edits update the Cytoscape instance in place (src/canvas/element-diff.ts): it is the same one at the end.
    await page.evaluate(() => ((window as unknown as { firstCy: unknown }).firstCy = window.__actorscope!.cy));
    const sameInstance = () => page.evaluate(() => (window as unknown as { firstCy: unknown }).firstCy === window.__actorscope?.cy);
    await page.getByRole('button', { name: '+ Actor' }).click();
    const form = page.getByRole('form', { name: 'New actor' });
    await form.getByLabel('Name').fill('Iran');
    await form.getByLabel('Country code').fill('ir');
    await form.getByRole('button', { name: 'Add actor' }).click();
    await expect.poll(async () => (await cyState()).names).toContain('Iran');
    // The table has a row for it, computed in the worker.
    await expect.poll(() => page.locator('table.metrics tbody th', { hasText: 'Iran' }).count()).toBe(1);
    // Other actors did not move.
    expect(await nodePosition('russia')).toEqual(russiaAt);

    await page.locator('table.metrics tbody tr', { hasText: 'Iran' }).click();
    await expect.poll(() => page.evaluate(() => window.__actorscope!.cy.$('node:selected').map((n) => n.data('name') as string))).toEqual(['Iran']);
    await page.getByRole('button', { name: 'Edit actor' }).click();
    const edit = page.getByRole('form', { name: 'Edit actor Iran' });
    await edit.getByLabel('Name').fill('Islamic Republic of Iran');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await cyState()).names).toContain('Islamic Republic of Iran');

    await page.getByRole('button', { name: 'Delete actor' }).click();
    await expect.poll(async () => (await cyState()).names).toEqual(before.names);

    // Undo by keyboard (focus outside text fields), redo by button.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await cyState()).names).toContain('Islamic Republic of Iran');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await cyState()).names).toContain('Iran');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await cyState()).names).toEqual(before.names);
    await expect(page.getByRole('button', { name: '↶ Undo' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: '↷ Redo' }).click();
    await expect.poll(async () => (await cyState()).names).toContain('Iran');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await cyState()).names).toContain('Islamic Republic of Iran');
    await expect(sameInstance()).resolves.toBe(true);

    // An actor in the middle of the dataset, with its relations: deleted in place, no other actor moves, and undo
    // brings it back where it was (keys follow the actors through edits: graph/model/actor-graph.ts).
    const chinaAt = await nodePosition('china');
    const edgesBefore = (await cyState()).edges;
    await page.locator('table.metrics tbody tr', { hasText: 'Russia' }).click();
    await page.getByRole('button', { name: 'Delete actor' }).click();
    await expect.poll(async () => (await cyState()).names).not.toContain('Russia');
    expect((await cyState()).edges).toBeLessThan(edgesBefore);
    expect(await nodePosition('china')).toEqual(chinaAt);
    await page.getByRole('button', { name: '↶ Undo' }).click();
    await expect.poll(() => nodePosition('russia')).toEqual(russiaAt);
    expect((await cyState()).edges).toBe(edgesBefore);
    expect(await nodePosition('china')).toEqual(chinaAt);
    await expect(sameInstance()).resolves.toBe(true);
  });

  it('adds a relation with a claim by form: missing parts said beside their fields, the grade chosen from the scale, the new relation shown', async () => {
    const before = (await cyState()).edges;
    await page.getByRole('button', { name: '+ Relation' }).click();
    const form = page.getByRole('form', { name: 'New relation' });
    await pickActor(page, 'From actor', 'China');
    await form.getByLabel('Type').selectOption('supplier');
    await pickActor(page, 'To actor', 'Kyrgyzstan');
    await form.getByLabel('Quote (verbatim)').fill('Yes, the Chinese appear.');
    await form.getByLabel('Asserted by').fill('Dina Malysheva');
    // No grade chosen and no source title: refused, each said beside its field, in words.
    await expect(form.locator('.grade-meaning').textContent()).resolves.toBe('Not graded yet: choose both parts.');
    await form.getByRole('button', { name: 'Add relation' }).click();
    const alert = form.getByRole('alert');
    await expect(alert.locator('strong').textContent()).resolves.toBe('Not saved:');
    await expect(alert.textContent()).resolves.toMatch(/^Not saved: 2 fields need attention \(marked above\)\./);
    // What is only a warning (no locator given) is listed, not marked.
    await expect(alert.locator('li.warning').textContent()).resolves.toBe('Note: Claim 1: no place in the source is given; add the paragraph (¶) or the characters, so a reader can find the quote');
    const reliability = form.getByLabel('Reliability of the source');
    const title = form.getByRole('group', { name: 'Source document' }).getByLabel('Title');
    await expect(reliability.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(title.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await title.getAttribute('aria-describedby'))!;
    await expect(page.locator(`[id="${describedBy}"]`).textContent()).resolves.toBe('Give the source document’s title');
    await expect(page.locator(`[id="${(await reliability.getAttribute('aria-describedby'))!}"]`).textContent()).resolves.toBe(
      'Choose the grade: the source’s reliability (A–F) and the information’s credibility (1–6)',
    );
    // The first marked field has the focus, so its words are read out.
    await expect(reliability.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect((await cyState()).edges).toBe(before);

    await reliability.selectOption('B');
    await form.getByLabel('Credibility of the information').selectOption('3');
    await expect(form.locator('.grade-meaning').textContent()).resolves.toBe('B3: usually reliable, possibly true');
    await title.fill('Tajikistan Provides Security With the Help of Russia and China');
    await form.getByRole('button', { name: 'Add relation' }).click();
    await expect.poll(async () => (await cyState()).edges).toBe(before + 1);
    // The new relation is selected and shown with its claim.
    const details = page.locator('section.details');
    await expect.poll(() => details.textContent()).toContain('Yes, the Chinese appear.');
    await expect(details.textContent()).resolves.toContain('Kyrgyzstan');
  });

  it('offers to add the claims to a relation that exists already instead of drawing a parallel one', async () => {
    const supplier = dataset.relations.find((r) => r.source === 'russia' && r.target === 'tajikistan' && r.type === 'supplier')!;
    const before = (await cyState()).edges;
    await page.getByRole('button', { name: '+ Relation' }).click();
    const form = page.getByRole('form', { name: 'New relation' });
    await pickActor(page, 'From actor', 'Russia');
    await form.getByLabel('Type').selectOption('supplier');
    await pickActor(page, 'To actor', 'Tajikistan');
    const status = form.getByRole('status');
    await expect(status.textContent()).resolves.toContain(`Russia → Tajikistan (supplier) exists already, with ${supplier.claims.length} claims.`);
    await form.getByLabel('Quote (verbatim)').fill('Russia supplies arms.');
    await form.getByLabel('Asserted by').fill('A. Reporter');
    await form.getByLabel('Reliability of the source').selectOption('C');
    await form.getByLabel('Credibility of the information').selectOption('3');
    await form.getByRole('group', { name: 'Source document' }).getByLabel('Title').fill('A report');
    await form.getByRole('button', { name: 'Add the claims to it' }).click();
    // No new arrow: the existing relation is the one shown, with its own claims and the new one.
    const details = page.locator('section.details');
    await expect.poll(() => details.textContent()).toContain('Russia supplies arms.');
    await expect(details.textContent()).resolves.toContain(supplier.claims[0]!.quote);
    expect((await cyState()).edges).toBe(before);
    await page.getByRole('button', { name: 'Edit relation and claims' }).click();
    await expect(page.getByRole('form', { name: 'Edit relation' }).getByRole('group', { name: /^Claim \d+$/ }).count()).resolves.toBe(supplier.claims.length + 1);
  });

  it('creates a relation by dragging from one actor to another in draw mode', async () => {
    await page.getByRole('button', { name: 'Draw relations' }).click();
    const from = await actorScreenPoint(page, 'kazakhstan');
    const to = await actorScreenPoint(page, 'russia');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.waitForTimeout(300);
    await page.mouse.up();
    const form = page.getByRole('form', { name: 'New relation' });
    await form.waitFor();
    await expect(page.getByRole('combobox', { name: 'From actor', exact: true }).inputValue()).resolves.toBe('Kazakhstan');
    await expect(page.getByRole('combobox', { name: 'To actor', exact: true }).inputValue()).resolves.toBe('Russia');
    // The gesture's own edge is not kept: only the form adds relations.
    await expect.poll(() => page.evaluate(() => window.__actorscope!.cy.edges().length)).toBe(dataset.relations.length);
  });
});

describe('nothing lost', () => {
  it('autosaves an edit to IndexedDB and finds it after a reload', async () => {
    await page.getByRole('button', { name: '+ Actor' }).click();
    const form = page.getByRole('form', { name: 'New actor' });
    await form.getByLabel('Name').fill('Afghanistan (state)');
    await form.getByRole('button', { name: 'Add actor' }).click();
    await expect.poll(() => page.getByRole('status', { name: 'Save status' }).textContent()).toMatch(/^Saved /);
    await page.reload();
    await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor();
    const names = await page.evaluate(() => window.__actorscope!.cy.nodes().map((n) => n.data('name') as string));
    expect(names).toContain('Afghanistan (state)');
    expect(names).toHaveLength(16);
  });

  it('keeps the arrangement: an actor dragged elsewhere is there after a reload, and "Lay out again" re-runs the layout', async () => {
    const chinaAt = await nodePosition('china');
    const from = await actorScreenPoint(page, 'russia');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x - 70, from.y + 90, { steps: 8 });
    await page.mouse.up();
    const moved = (await nodePosition('russia'))!;
    // Saved to IndexedDB a moment after the drag (the layouts store, by workspace).
    const savedRussia = () =>
      page.evaluate(
        () =>
          new Promise<number[] | null>((resolve) => {
            const open = indexedDB.open('actorscope');
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('layouts')) return resolve(null);
              const get = db.transaction('layouts').objectStore('layouts').getAll();
              get.onsuccess = () => {
                const row = (get.result as { positions: [string, number, number][] }[])[0]?.positions.find(([id]) => id === 'russia');
                resolve(row ? [row[1], row[2]] : null);
              };
            };
          }),
      );
    await expect.poll(savedRussia).toEqual([moved.x, moved.y]);
    await page.reload();
    await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor();
    expect(await nodePosition('russia')).toEqual(moved);
    expect(await nodePosition('china')).toEqual(chinaAt);
    // Laying out again moves the actors (fCoSE starts from random positions) and saves the new picture.
    await page.getByRole('button', { name: 'Lay out again' }).click();
    await expect.poll(() => nodePosition('russia')).not.toEqual(moved);
    await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor();
    const after = (await nodePosition('russia'))!;
    await expect.poll(savedRussia).toEqual([after.x, after.y]);
  });

  it('a link carries the view: selection, filter, size metric and path query', async () => {
    const url = new URL(inject('baseUrl'));
    url.search = '?actor=china&hide=supplier&size=pagerank&tab=paths&from=radical-islamist-groups&to=china&types=threat,suspected-supporter';
    await page.goto(url.toString());
    await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor();
    await expect(page.getByRole('tab', { name: 'Paths' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.getByRole('combobox', { name: 'From', exact: true }).inputValue()).resolves.toBe('Radical Islamist groups based in Afghanistan');
    await page.getByRole('listbox', { name: 'Paths, best first' }).getByRole('option').first().waitFor();
    await expect(page.getByRole('listbox', { name: 'Paths, best first' }).getByRole('option').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: /Supplier/ }).getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(page.getByLabel('Size actors by').inputValue()).resolves.toBe('pagerank');
    await expect.poll(() => page.evaluate(() => window.__actorscope!.cy.$('node:selected').map((n) => n.data('actorId')))).toEqual(['china']);
    // And the URL keeps following the view.
    await page.getByRole('button', { name: /Supplier/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('hide')).toBeNull();
  });
});

describe('import and export', () => {
  const fixture = (name: string) => new URL(`../fixtures/e2e/${name}`, import.meta.url).pathname;
  const nodeNames = () => page.evaluate(() => window.__actorscope!.cy.nodes().map((n) => n.data('name') as string).sort());

  it('imports a CSV through the file picker, reports it, undoes it; after a reload the autosaved state is back', async () => {
    const before = await nodeNames();
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByLabel('Choose files to import').setInputFiles(fixture('kumu-edges.csv'));
    const report = dialog.getByRole('region', { name: 'Import report' });
    await report.waitFor();
    await expect(report.textContent()).resolves.toMatch(/5 actors.*4 relations read/);
    // "suspected supporter" is one of ours once normalised; the report has no unknown-type warning for it.
    await expect.poll(nodeNames).toEqual(['Hezbollah', 'Houthis', 'Iran', 'Israel', 'United States']);
    await expect.poll(() => page.evaluate(() => window.__actorscope!.cy.edges().map((e) => e.data('type') as string).sort())).toEqual(['partner', 'supplier', 'suspected-supporter', 'threat']);
    await expect.poll(() => page.locator('table.metrics tbody tr').count()).toBe(5);

    await report.getByRole('button', { name: 'Undo this import' }).click();
    await expect.poll(nodeNames).toEqual(before);
    await page.getByRole('button', { name: '↷ Redo' }).click();
    await expect.poll(nodeNames).toEqual(['Hezbollah', 'Houthis', 'Iran', 'Israel', 'United States']);
    await expect.poll(() => page.getByRole('status', { name: 'Save status' }).textContent()).toMatch(/^Saved /);

    await page.reload();
    await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor();
    expect(await nodeNames()).toEqual(['Hezbollah', 'Houthis', 'Iran', 'Israel', 'United States']);
  });

  it('a truncated file is refused with its location and the graph is untouched', async () => {
    const before = await nodeNames();
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByLabel('Choose files to import').setInputFiles(fixture('truncated.gexf'));
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/Not imported; the graph is unchanged\..*line \d+:\d+/s);
    expect(await nodeNames()).toEqual(before);
    await expect(page.getByRole('button', { name: '↶ Undo' }).isDisabled()).resolves.toBe(true);
  });

  it('exports GEXF that imports back to the same graph, and PNG and SVG pictures', async () => {
    await page.getByRole('button', { name: 'Export ▾' }).click();
    const menu = page.getByRole('dialog', { name: 'Export' });
    const [gexf] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name: /GEXF/ }).click()]);
    expect(gexf.suggestedFilename()).toMatch(/\.gexf$/);
    const path = await gexf.path();
    const [png] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name: 'PNG (with legend)' }).click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10_000);
    const [svg] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name: 'SVG (with legend)' }).click()]);
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toMatch(/^<\?xml[^>]*>\s*<svg /);
    expect(svgText).toContain('>Suspected supporter</tspan></text>');
    expect(svgText).toContain('Tajikistan');
    // What reads it: a real XML parser (xmldom reports a repeated attribute as fatal), and the browser as an image.
    const { DOMParser } = await import('@xmldom/xmldom');
    const xmlProblems: string[] = [];
    new DOMParser({ onError: (level, message) => void xmlProblems.push(`${level}: ${message}`) }).parseFromString(svgText, 'image/svg+xml');
    expect(xmlProblems).toEqual([]);
    const size = await page.evaluate(async (text) => {
      const img = new Image();
      img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, svgText);
    expect(size[0]).toBeGreaterThan(200);
    // The exported GEXF, imported through the file picker, gives the same actors.
    const before = await nodeNames();
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByRole('dialog', { name: 'Import' }).getByLabel('Choose files to import').setInputFiles({ name: 'back.gexf', mimeType: 'application/xml', buffer: readFileSync(path!) });
    await page.getByRole('region', { name: 'Import report' }).waitFor();
    expect(await nodeNames()).toEqual(before);
  });
});
