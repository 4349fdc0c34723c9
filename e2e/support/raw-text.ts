/**
 * Text a user should never read: the shapes of codes that escaped their label. Each rule names
 * what it found, so a failing journey says which page shows what.
 */
const RULES: { name: string; pattern: RegExp }[] = [
  // governance.tasks.closedOnTime, auth.login.failed — but not a domain name or a file name.
  { name: 'message key', pattern: /(?<![\w@/.-])[a-z][a-zA-Z]*(?:\.[a-z][a-zA-Z0-9]*){2,}(?![\w/-])/g },
  { name: 'ISO timestamp', pattern: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g },
  { name: 'UUID', pattern: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi },
  // Strata codes as "high/C", "inspectors/1".
  { name: 'stratum code', pattern: /(?<![\w/])[a-z][a-zA-Z]+\/[A-Z0-9]{1,3}(?![\w/])/g },
  // A state code in Chinese parentheses: "（submitted）".
  { name: 'state code', pattern: /（[a-z][a-zA-Z]+）/g },
  // An amount glued to an English unit code: "0CNY", "0batches".
  { name: 'unit code', pattern: /\d(?:CNY|batches)\b/g },
];

const DOMAIN_LIKE = /\.(com|cn|org|net|gov|io|json|pdf|xlsx|csv|png|svg)$/i;

export function rawTextFindings(text: string): string[] {
  const findings = new Set<string>();
  for (const rule of RULES) {
    for (const match of text.matchAll(rule.pattern)) {
      if (rule.name === 'message key' && DOMAIN_LIKE.test(match[0])) continue;
      findings.add(`${rule.name} "${match[0]}"`);
    }
  }
  return [...findings];
}
