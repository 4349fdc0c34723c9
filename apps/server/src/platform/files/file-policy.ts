/** What a use-case accepts as an upload: how large and of which types. */
export interface FilePolicy {
  maxBytes: number;
  /** Accepted MIME types, e.g. 'application/pdf'; the content is checked against the type where it has a signature. */
  contentTypes: readonly string[];
}

const MB = 1024 * 1024;

/** Evidence and attachments: office documents, PDF and pictures up to 20 MB. */
export const DOCUMENT_POLICY: FilePolicy = {
  maxBytes: 20 * MB,
  contentTypes: [
    'application/pdf',
    'image/png',
    'image/jpeg',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/msword',
    'application/vnd.ms-excel',
    'text/plain',
  ],
};

/** Pictures only (photos of samples, sites), up to 10 MB. */
export const IMAGE_POLICY: FilePolicy = { maxBytes: 10 * MB, contentTypes: ['image/png', 'image/jpeg'] };

/** Magic numbers of the types we can recognise; others are taken as declared. */
const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  // OOXML documents are zip archives.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (b) => b[0] === 0x50 && b[1] === 0x4b,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': (b) => b[0] === 0x50 && b[1] === 0x4b,
  // Legacy Office files are OLE compound documents.
  'application/msword': (b) => b.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])),
  'application/vnd.ms-excel': (b) => b.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])),
  'text/plain': (b) => !b.subarray(0, 4096).includes(0),
};

export type FileProblem = 'file.empty' | 'file.tooLarge' | 'file.typeNotAllowed' | 'file.contentMismatch' | 'file.nameInvalid';

/** null when the file fits the policy, else why not. */
export function checkFile(
  policy: FilePolicy,
  file: { fileName: string; contentType: string; bytes: Buffer },
): FileProblem | null {
  if (!cleanFileName(file.fileName)) return 'file.nameInvalid';
  if (file.bytes.length === 0) return 'file.empty';
  if (file.bytes.length > policy.maxBytes) return 'file.tooLarge';
  const type = normaliseContentType(file.contentType);
  if (!policy.contentTypes.includes(type)) return 'file.typeNotAllowed';
  const signature = SIGNATURES[type];
  if (signature && !signature(file.bytes)) return 'file.contentMismatch';
  return null;
}

export function normaliseContentType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

/** The last path segment without control characters, at most 200 characters; '' when nothing is left. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const printable = [...base].filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f).join('');
  return printable.trim().slice(0, 200);
}
