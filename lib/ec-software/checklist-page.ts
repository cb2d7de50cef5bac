// The checklist as a page (Italian or English): onboarding steps and their cases, each done / not yet / done
// with problems, the calls that evidence it and the advice for the problems. It refreshes itself while the EC's
// software runs (it asks the same address again every 2 s and swaps its content).
import { escapeHtml } from '../evidence/pack/summary-pdf.ts';
import type { Checklist, ChecklistItem, ItemProblem, ItemStatus } from './checklist.ts';

export type Lang = 'it' | 'en';

export function langOf(value: unknown): Lang {
  return value === 'en' ? 'en' : 'it';
}

const T = {
  it: {
    title: 'Verifica del software dell’EC',
    subtitle: 'Le chiamate del software dell’ente creditore, controllate e collegate ai casi del piano di test',
    source: { sandbox: 'Chiamate ricevute dalla sandbox', recorder: 'Chiamate inoltrate dal proxy di registrazione a' },
    calls: 'chiamate registrate',
    status: { done: 'Fatto', todo: 'Non ancora', problems: 'Fatto con problemi' } satisfies Record<ItemStatus, string>,
    mandatory: 'obbligatorio',
    optional: 'facoltativo',
    evidence: 'Chiamate che lo evidenziano',
    advice: 'Consiglio',
    problems: 'Problemi rilevati nelle chiamate',
    noProblems: 'Nessun problema rilevato.',
    left: 'Casi non verificabili dalle chiamate dell’EC (eseguire la suite)',
    switchTo: 'English',
    updated: 'Aggiornato il',
  },
  en: {
    title: 'Check of the EC’s software',
    subtitle: 'The calls of the creditor body’s software, checked and linked to the cases of the test plan',
    source: { sandbox: 'Calls received by the sandbox', recorder: 'Calls forwarded by the recording proxy to' },
    calls: 'calls recorded',
    status: { done: 'Done', todo: 'Not yet', problems: 'Done with problems' } satisfies Record<ItemStatus, string>,
    mandatory: 'mandatory',
    optional: 'optional',
    evidence: 'Calls that evidence it',
    advice: 'Advice',
    problems: 'Problems found in the calls',
    noProblems: 'No problem found.',
    left: 'Cases the EC’s calls cannot evidence (run the suite)',
    switchTo: 'Italiano',
    updated: 'Updated at',
  },
} as const;

const ICON: Record<ItemStatus, string> = { done: '✔', todo: '○', problems: '⚠' };

function callLine(call: { seq: number; method: string; url: string; status: number; requestId: string; at: string }): string {
  return `<li class="call" data-seq="${call.seq}"><code>#${call.seq} ${escapeHtml(call.method)} ${escapeHtml(call.url)} → ${call.status}</code> <span class="rid">${escapeHtml(call.requestId)}</span> <time>${escapeHtml(call.at)}</time></li>`;
}

function problemList(problems: ItemProblem[], lang: Lang): string {
  return problems
    .map(
      (p) =>
        `<li class="problem" data-seq="${p.seq}"><code>#${p.seq} ${escapeHtml(p.method)} ${escapeHtml(p.url)} → ${p.status}</code><ul>${p.findings
          .map(
            (f) =>
              `<li class="finding ${f.severity}" data-code="${f.code}"><span class="message">${escapeHtml(f.message[lang])}</span><br><span class="advice"><b>${T[lang].advice}:</b> ${escapeHtml(f.advice[lang])}</span></li>`,
          )
          .join('')}</ul></li>`,
    )
    .join('');
}

function item(entry: ChecklistItem, lang: Lang): string {
  const t = T[lang];
  return `<li class="item ${entry.status}" data-case="${escapeHtml(entry.id)}" data-status="${entry.status}">
<div class="head"><span class="icon" aria-hidden="true">${ICON[entry.status]}</span> <b>${escapeHtml(entry.id)}</b> ${escapeHtml(entry.title[lang])} <span class="state">${t.status[entry.status]}</span> <small>${entry.mandatory ? t.mandatory : t.optional}</small></div>
${entry.calls.length > 0 ? `<details><summary>${t.evidence} (${entry.calls.length})</summary><ul>${entry.calls.map(callLine).join('')}</ul></details>` : ''}
${entry.problems.length > 0 ? `<ul class="problems">${problemList(entry.problems, lang)}</ul>` : ''}
</li>`;
}

/** The page's main content (what the live refresh swaps). */
export function checklistMain(checklist: Checklist, lang: Lang): string {
  const t = T[lang];
  const source = checklist.source.kind === 'sandbox' ? t.source.sandbox : `${t.source.recorder} ${escapeHtml(checklist.source.target)}`;
  const counts = (['done', 'problems', 'todo'] as const).map((s) => `<span class="count ${s}">${t.status[s]}: ${checklist.counts[s]}</span>`).join(' · ');
  return `<p class="source">${source} — <span id="calls">${checklist.calls}</span> ${t.calls}. ${counts}</p>
${checklist.steps
  .map(
    (step) =>
      `<section class="step" data-step="${step.step}"><h2>${escapeHtml(step.title[lang])}</h2><ul class="items">${step.items.map((i) => item(i, lang)).join('')}</ul></section>`,
  )
  .join('\n')}
<section id="problems"><h2>${t.problems}</h2>${checklist.problems.length > 0 ? `<ul>${problemList(checklist.problems, lang)}</ul>` : `<p>${t.noProblems}</p>`}</section>
<section id="left"><h2>${t.left}</h2><ul>${checklist.notEvidenceable
    .map((c) => `<li data-case="${escapeHtml(c.id)}"><b>${escapeHtml(c.id)}</b> ${escapeHtml(c.title[lang])} — ${escapeHtml(c.reason[lang])}</li>`)
    .join('')}</ul></section>`;
}

/** The whole page; `path` is its own address (the language links and the refresh ask it again). */
export function checklistPage(checklist: Checklist, lang: Lang, path: string): string {
  const t = T[lang];
  const other: Lang = lang === 'it' ? 'en' : 'it';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem auto;max-width:70rem;padding:0 1rem;color:#17324d}
h1{margin-bottom:.2rem} .sub{color:#5c6f82;margin-top:0} ul{list-style:none;padding-left:0} .item{border-left:4px solid #c5c7c9;padding:.3rem .6rem;margin:.3rem 0}
.item.done{border-color:#008758} .item.problems{border-color:#d1344c;background:#fff5f6} .state{font-weight:600;margin-left:.5rem}
.finding{margin:.2rem 0 .2rem 1rem} .finding.warning .message{color:#a66300} .finding.error .message{color:#d1344c} .advice{color:#17324d}
code{font-size:.85rem;word-break:break-all} .rid,time{color:#5c6f82;font-size:.8rem} nav{float:right}
</style></head>
<body><nav><a id="lang-switch" href="${escapeHtml(path)}?lang=${other}" hreflang="${other}">${t.switchTo}</a></nav>
<h1>${t.title}</h1><p class="sub">${t.subtitle}</p>
<main id="checklist">${checklistMain(checklist, lang)}</main>
<p class="updated">${t.updated} <span id="updated">${escapeHtml(checklist.generatedAt)}</span></p>
<script>
(() => {
  const url = ${JSON.stringify(`${path}?lang=${lang}&part=main`)};
  let last = null;
  const refresh = async () => {
    try {
      const res = await fetch(url, { headers: { accept: 'text/html' }, cache: 'no-store' });
      if (res.ok) {
        const html = await res.text();
        if (html !== last) {
          last = html;
          document.getElementById('checklist').innerHTML = html;
        }
        document.getElementById('updated').textContent = new Date().toISOString();
      }
    } catch {}
    setTimeout(refresh, 2000);
  };
  setTimeout(refresh, 2000);
})();
</script>
</body></html>`;
}
