// The checklist and the recording over HTTP, without a framework: the same answers from the sandbox (Fastify
// routes, sandbox/ec-software.ts) and from the recording proxy (node:http, recorder.ts).
//   GET /__sandbox/checklist   JSON, or the page (Italian/English, `?lang=en`) when a browser asks for HTML
//   GET /__sandbox/recording   the recorded calls (read by `npm run evidence -- --from-recording <url>`)
import { buildChecklist } from './checklist.ts';
import { checklistMain, checklistPage, langOf } from './checklist-page.ts';
import type { EcSoftwareMonitor } from './monitor.ts';

export const CHECKLIST_PATH = '/__sandbox/checklist';
export const RECORDING_PATH = '/__sandbox/recording';

export interface LocalAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** The answer to a GET of the checklist or the recording; undefined for any other path. */
export function checklistAnswer(monitor: EcSoftwareMonitor, method: string, url: string, accept: string | undefined): LocalAnswer | undefined {
  const parsed = new URL(url, 'http://local.invalid');
  if (parsed.pathname !== CHECKLIST_PATH && parsed.pathname !== RECORDING_PATH) return undefined;
  if (method !== 'GET' && method !== 'HEAD')
    return { status: 405, contentType: 'application/json', body: JSON.stringify({ status: 405, title: 'Method Not Allowed' }) };
  if (parsed.pathname === RECORDING_PATH) return { status: 200, contentType: 'application/json', body: JSON.stringify(monitor.recording()) };
  const checklist = buildChecklist(monitor.recording());
  const format = parsed.searchParams.get('format');
  const html = format === 'html' || (format !== 'json' && /\btext\/html\b/.test(accept ?? ''));
  if (!html) return { status: 200, contentType: 'application/json', body: JSON.stringify(checklist) };
  const lang = langOf(parsed.searchParams.get('lang'));
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: parsed.searchParams.get('part') === 'main' ? checklistMain(checklist, lang) : checklistPage(checklist, lang, CHECKLIST_PATH),
  };
}
