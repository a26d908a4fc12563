// Offline check of a recognition's evidence file (GET /api/v1/recognitions/{id}/evidence) against
// a witness policy, in the browser: the same checks, and the same messages, as verify-evidence.

import { b64, unb64, leafHash, rootFromInclusionProof, parsePolicy, quorumMet, lineSignedBy } from './verify.js';

const HEADER = 'yrd-federation/recognition-evidence@v1';
const PROOF = 'c2sp.org/tlog-proof@v1';
const SEPARATOR = '\n' + PROOF + '\n';
const ENTRY_NAMES = ['ce_id', 'ce_type', 'ce_source', 'ce_subject', 'ce_time', 'ce_province', 'ce_sequence', 'topic'];
const utf8 = () => new TextDecoder('utf-8', { fatal: true });

/** Base64 that decodes and encodes back to the same text; null otherwise. */
function canonical(text, length) {
  let bytes;
  try {
    bytes = unb64(text);
  } catch {
    return null;
  }
  return b64(bytes) === text && (!length || bytes.length === length) ? bytes : null;
}

/** A C2SP signed note exactly as written: body, blank line, signature lines. */
function isNote(text) {
  const split = text.indexOf('\n\n');
  if (split <= 0) return false;
  const signatures = text.slice(split + 2).split('\n').filter((l) => l !== '');
  return signatures.every((l) => l.startsWith('— '))
    && text.slice(0, split + 1) + '\n' + signatures.join('\n') + (signatures.length ? '\n' : '') === text;
}

function parseProof(text) {
  const lines = text.split('\n');
  let at = 0;
  const fail = (why) => { throw new Error(`line ${at + 1} of the proof ${why}`); };
  if (lines[0] !== PROOF) fail(`is not ${PROOF}`);
  at = 1;
  let extra = null;
  if (lines[at]?.startsWith('extra ')) {
    extra = canonical(lines[at].slice(6));
    if (!extra) fail('is not canonical base64');
    at++;
  }
  if (!lines[at]?.startsWith('index ')) fail('is not index');
  if (!/^(0|[1-9][0-9]{0,17})$/.test(lines[at].slice(6))) fail('has no decimal index without leading zeros');
  const index = BigInt(lines[at].slice(6));
  at++;
  const hashes = [];
  while (at < lines.length && lines[at] !== '') {
    const hash = canonical(lines[at], 32);
    if (!hash) fail('is not a base64 SHA-256 hash');
    hashes.push(hash);
    at++;
  }
  if (at >= lines.length) fail('is missing: a blank line before the checkpoint');
  at++;
  const checkpoint = lines.slice(at).join('\n');
  if (!isNote(checkpoint)) fail('does not begin a signed checkpoint note');
  return { extra, index, hashes, checkpoint };
}

function formatProof(p) {
  return PROOF + '\n' + (p.extra ? `extra ${b64(p.extra)}\n` : '') + `index ${p.index}\n`
    + p.hashes.map((h) => b64(h) + '\n').join('') + '\n' + p.checkpoint;
}

/** Reads the file strictly; throws naming the header line or the proof at fault. */
export function parseEvidence(text) {
  const head = [];
  let at = 0;
  for (let i = 0; i < 4; i++) {
    const end = text.indexOf('\n', at);
    if (end < 0) break;
    head.push(text.slice(at, end));
    at = end + 1;
  }
  if (head.length < 4 || head[0] !== HEADER) throw new Error(`line 1 is not ${HEADER}: not an evidence file`);
  const value = (line, name, n) => {
    if (!line.startsWith(name + ' ') || line.length === name.length + 1) throw new Error(`line ${n} is not ${name} <value>`);
    return line.slice(name.length + 1);
  };
  const recognition = value(head[1], 'recognition', 2);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(recognition)) throw new Error('line 2: the recognition is not a UUID');
  const uscc = value(head[2], 'uscc', 3);
  const count = value(head[3], 'proofs', 4);
  if (!/^[1-9][0-9]{0,5}$/.test(count)) throw new Error('line 4: the number of proofs is not a count');
  const rest = text.slice(at);
  if (!rest.startsWith(SEPARATOR)) throw new Error('line 5 is not blank before the first proof');
  const proofs = [];
  let from = 1;
  while (from < rest.length) {
    const next = rest.indexOf(SEPARATOR, from);
    const one = rest.slice(from, next < 0 ? rest.length : next);
    try {
      proofs.push(parseProof(one));
    } catch (e) {
      throw new Error(`proof ${proofs.length + 1}: ${e.message}`);
    }
    from = next < 0 ? rest.length : next + 1;
  }
  if (proofs.length !== Number(count)) throw new Error(`line 4 announces ${count} proofs; the file holds ${proofs.length}`);
  const again = `${HEADER}\nrecognition ${recognition}\nuscc ${uscc}\nproofs ${proofs.length}\n` + proofs.map((p) => '\n' + formatProof(p)).join('');
  if (again !== text) throw new Error('the file is not in its canonical form');
  return { recognition, uscc, proofs };
}

/** An event's canonical bytes read back into its fields (ADR 0015). */
function parseEntry(bytes) {
  let text;
  try {
    text = utf8().decode(bytes);
  } catch {
    throw new Error('the entry is not UTF-8');
  }
  const entry = {};
  let at = 0;
  ENTRY_NAMES.forEach((name, i) => {
    const end = text.indexOf('\n', at);
    if (end < 0 || !text.startsWith(name + '=', at)) throw new Error(`line ${i + 1} of the entry is not ${name}=`);
    entry[name] = text.slice(at + name.length + 1, end);
    at = end + 1;
  });
  if (!text.startsWith('\n', at)) throw new Error("the entry's attributes do not end with a blank line");
  entry.payload = text.slice(at + 1);
  return entry;
}

function field(payload, name) {
  try {
    const value = JSON.parse(payload)[name];
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

const isConflict = (e) => e.ce_type.startsWith('cn.yrd.recognition.conflict-');
const isDecision = (e) => e.topic === 'yrd.recognition.v1' && e.ce_type.startsWith('cn.yrd.recognition.') && !isConflict(e);

function hash32(text) {
  try {
    const bytes = unb64(text);
    return bytes.length === 32 ? bytes : null;
  } catch {
    return null;
  }
}

/** The quorum in words: each group's threshold of its members. */
function describeQuorum(policy, name = policy.quorumName) {
  const group = policy.groups[name];
  return group ? `${group.threshold} of (${group.members.map((m) => describeQuorum(policy, m)).join(', ')})` : name;
}

/** The checkpoint's signatures against the policy; returns its tree when the log signed it. */
async function checkCheckpoint(checkpoint, policy, cosigned, failures) {
  const split = checkpoint.indexOf('\n\n');
  const body = checkpoint.slice(0, split + 1);
  const lines = body.split('\n').slice(0, -1);
  const root = lines.length >= 3 && /^(0|[1-9][0-9]{0,18})$/.test(lines[1]) ? hash32(lines[2]) : null;
  if (!root) {
    failures.push("the checkpoint's body is not origin, size and root hash");
    return null;
  }
  const origin = lines[0];
  const logs = policy.logs.filter((vkey) => vkey.slice(0, vkey.indexOf('+')) === origin);
  if (!logs.length) failures.push(`the checkpoint's origin ${origin} is not a log of the policy`);
  let logSigned = false;
  const signatures = checkpoint.slice(split + 2).split('\n').filter((l) => l !== '');
  for (let i = 0; i < signatures.length; i++) {
    const line = signatures[i];
    const signer = line.slice(2, Math.max(2, line.lastIndexOf(' ')));
    let named = false;
    let valid = false;
    for (const vkey of logs) {
      named ||= vkey.slice(0, vkey.indexOf('+')) === signer;
      const ok = await lineSignedBy(line, body, vkey);
      if (ok === null) throw new Error('this browser cannot check Ed25519 signatures');
      if (ok) { valid = true; logSigned = true; }
    }
    for (const w of policy.witnesses) {
      named ||= w.vkey.slice(0, w.vkey.indexOf('+')) === signer;
      const ok = await lineSignedBy(line, body, w.vkey);
      if (ok === null) throw new Error('this browser cannot check Ed25519 signatures');
      if (ok) { valid = true; cosigned.add(w.name); }
    }
    if (!named) failures.push(`signature ${i + 1} on the checkpoint is by ${signer}, which is neither the policy's log nor one of its witnesses`);
    else if (!valid) failures.push(`signature ${i + 1} on the checkpoint, by ${signer}, is invalid`);
  }
  if (logs.length && !logSigned) failures.push(`the checkpoint carries no valid signature of the log ${origin}`);
  if (!quorumMet(policy, [...cosigned])) {
    failures.push(`the checkpoint is cosigned by ${cosigned.size ? [...cosigned].join(', ') : 'no witness'}; the policy's quorum needs ${describeQuorum(policy)}`);
  }
  return logSigned ? { size: BigInt(lines[1]), root } : null;
}

/**
 * Checks an evidence file (bytes) against a policy (text). Returns the failures, each naming
 * what failed (none: the evidence holds), and what the evidence shows.
 */
export async function verifyEvidence(bytes, policyText) {
  const policy = parsePolicy(policyText);
  let evidence;
  try {
    evidence = parseEvidence(utf8().decode(bytes));
  } catch (e) {
    return { failures: ['malformed: ' + (e instanceof TypeError ? 'the file is not UTF-8' : e.message)] };
  }
  const failures = [];
  const checkpoint = evidence.proofs[0].checkpoint;
  evidence.proofs.forEach((p, i) => {
    if (i > 0 && p.checkpoint !== checkpoint) failures.push(`proof ${i + 1} carries a different checkpoint from proof 1`);
  });
  const cosigned = new Set();
  const tree = await checkCheckpoint(checkpoint, policy, cosigned, failures);
  const events = [];
  let decision = null;
  let status = null;
  let previous = -1n;
  let last = null;
  for (let i = 0; i < evidence.proofs.length; i++) {
    const proof = evidence.proofs[i];
    let where = `proof ${i + 1} (index ${proof.index})`;
    if (proof.index <= previous) failures.push(`${where}: events are not in log order, each once`);
    previous = proof.index;
    last = null;
    if (!proof.extra) {
      failures.push(`${where}: carries no event (extra line)`);
      continue;
    }
    let entry;
    try {
      entry = parseEntry(proof.extra);
    } catch (e) {
      failures.push(`${where}: its event is not in the canonical form: ${e.message}`);
      continue;
    }
    last = entry;
    where += ` event ${entry.ce_id} ${entry.ce_type}`;
    if (tree) {
      let root = null;
      try {
        root = await rootFromInclusionProof(proof.index, tree.size, await leafHash(proof.extra), proof.hashes);
      } catch {
        root = null;
      }
      if (!root || b64(root) !== b64(tree.root)) {
        failures.push(`${where}: its inclusion proof does not lead to the checkpoint's root (the event, its index or a proof hash was altered)`);
      }
    }
    const conflict = isConflict(entry);
    if (entry.ce_subject !== evidence.uscc && !(conflict && entry.payload.includes(`"${evidence.uscc}"`))) {
      failures.push(`${where}: its subject ${entry.ce_subject} is not the organization ${evidence.uscc}`);
    } else if (entry.topic === 'yrd.recognition.v1' && !conflict && field(entry.payload, 'id') !== evidence.recognition) {
      failures.push(`${where}: it is an event of recognition ${field(entry.payload, 'id')}, not of ${evidence.recognition}`);
    }
    events.push({ index: proof.index, eventId: entry.ce_id, type: entry.ce_type, time: entry.ce_time });
    if (isDecision(entry)) {
      decision = entry.ce_type;
      status = field(entry.payload, 'status');
    }
  }
  if (!last || !isDecision(last)) {
    failures.push(`the last event is not one of recognition ${evidence.recognition}: the evidence does not end with its decision`);
  }
  return {
    failures,
    summary: { recognition: evidence.recognition, uscc: evidence.uscc, decision, status, treeSize: tree ? tree.size : null, cosignedBy: [...cosigned], events },
  };
}
