// Validation of SOAP bodies against pagoPA's official XSDs (paForNode.xsd and the common types it
// imports), with libxml2 compiled to WebAssembly (xmllint-wasm): for our own tests only. The XSDs are
// read from the reference folder (`../shared/reference/openapi/pagopa-api-soap`, or PAGOPA_SOAP_XSD_DIR);
// the project does not ship them. Without the folder, `loadPaForNodeXsd` answers why, for a skip.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';

export const DEFAULT_SOAP_XSD_DIR = resolve(import.meta.dirname, '../../../shared/reference/openapi/pagopa-api-soap');

const PA_FOR_NODE = 'wsdl/xsd/paForNode.xsd';
const COMMON_TYPES = 'xsd-common/sac-common-types-1.0.xsd';
/** How paForNode.xsd names the common types (relative to its own folder). */
const COMMON_LOCATION = '../../xsd-common/sac-common-types-1.0.xsd';

export interface XsdVerdict {
  valid: boolean;
  errors: string[];
}

export type XsdValidator = (xml: string) => Promise<XsdVerdict>;

/** A validator of paForNode.xsd body elements, or the reason there is none (the reference folder is absent). */
export function loadPaForNodeXsd(dir = process.env.PAGOPA_SOAP_XSD_DIR ?? DEFAULT_SOAP_XSD_DIR): { validate: XsdValidator } | { reason: string } {
  const files = [PA_FOR_NODE, COMMON_TYPES].map((file) => resolve(dir, file));
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0) return { reason: `official XSDs not found (${missing.join(', ')}): set PAGOPA_SOAP_XSD_DIR to pagoPA's pagopa-api-soap folder` };
  // The in-memory file system is flat: the import points at the common types by their file name.
  const paForNode = readFileSync(files[0]!, 'utf8').replace(COMMON_LOCATION, 'sac-common-types-1.0.xsd');
  if (!paForNode.includes('schemaLocation="sac-common-types-1.0.xsd"')) return { reason: `${files[0]} does not import ${COMMON_LOCATION}` };
  const common = readFileSync(files[1]!, 'utf8');
  return {
    async validate(xml) {
      const result = await validateXML({
        xml: [{ fileName: 'body.xml', contents: xml }],
        schema: [{ fileName: 'paForNode.xsd', contents: paForNode }],
        preload: [{ fileName: 'sac-common-types-1.0.xsd', contents: common }],
      });
      return { valid: result.valid, errors: result.errors.map((e) => e.message) };
    },
  };
}
