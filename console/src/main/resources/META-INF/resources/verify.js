// In-browser audit verification (RFC 6962 / RFC 9162) with WebCrypto SHA-256:
// recompute the leaf from the stored event, walk the inclusion proof up to a root,
// compare it with the signed checkpoint, and check the checkpoint's Ed25519 signature.

const enc = new TextEncoder();

export function b64(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s);
}

export function unb64(text) {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

async function sha256(...parts) {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const all = new Uint8Array(length);
  let at = 0;
  for (const p of parts) { all.set(p, at); at += p.length; }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
}

export const leafHash = (data) => sha256(Uint8Array.of(0), data);
const nodeHash = (left, right) => sha256(Uint8Array.of(1), left, right);

/** The canonical bytes of a stored event: every field exactly as served (README, ADR 0015). */
export function canonicalBytes(e) {
  const text =
    `ce_id=${e.eventId}\nce_type=${e.type}\nce_source=${e.source}\nce_subject=${e.subject ?? ''}\n` +
    `ce_time=${e.time ?? ''}\nce_province=${e.province ?? ''}\n` +
    `ce_sequence=${e.sequence ?? ''}\ntopic=${e.topic}\n\n${e.payload}`;
  return enc.encode(text);
}

/** RFC 9162 §2.1.3.2: the root an inclusion proof leads to. */
export async function rootFromInclusionProof(index, size, leaf, proof) {
  if (index >= size) throw new Error('leaf index outside the tree');
  let fn = BigInt(index);
  let sn = BigInt(size) - 1n;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0n) throw new Error('proof too long');
    if ((fn & 1n) === 1n || fn === sn) {
      r = await nodeHash(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn >>= 1n; sn >>= 1n;
  }
  if (sn !== 0n) throw new Error('proof too short');
  return r;
}

/** Parses a C2SP checkpoint note: origin, size, root, and its signature lines. */
export function parseCheckpoint(note) {
  const [body, signatures] = note.split('\n\n');
  const lines = body.split('\n');
  return {
    text: body + '\n',
    origin: lines[0],
    size: Number(lines[1]),
    root: unb64(lines[2]),
    signatures: (signatures || '').split('\n').filter((l) => l.startsWith('— ')),
  };
}

async function checkSignature(checkpoint, publicKeyB64) {
  try {
    const key = await crypto.subtle.importKey('raw', unb64(publicKeyB64), { name: 'Ed25519' }, false, ['verify']);
    for (const line of checkpoint.signatures) {
      const sig = unb64(line.split(' ')[2]).slice(4); // 4-byte key id, then the signature
      if (await crypto.subtle.verify({ name: 'Ed25519' }, key, sig, enc.encode(checkpoint.text))) return true;
    }
    return false;
  } catch (e) {
    return null; // this browser has no Ed25519 in WebCrypto
  }
}

/**
 * Parses a C2SP tlog-policy: the witnesses' verifier keys and how many must cosign
 * (`quorum none` is 0).
 */
export function parsePolicy(text) {
  const witnesses = [];
  let quorum = 0;
  const groups = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim().split(/\s+/);
    if (line[0] === 'witness') witnesses.push({ name: line[1], vkey: line[2] });
    if (line[0] === 'group') groups[line[1]] = line[2] === 'all' ? line.length - 3 : line[2] === 'any' ? 1 : Number(line[2]);
    if (line[0] === 'quorum') quorum = line[1] === 'none' ? 0 : (groups[line[1]] ?? 1);
  }
  return { witnesses, quorum };
}

/** A cosignature/v1 verifier key (type 0x04): its name, key ID and raw Ed25519 key. */
function cosignerKey(vkey) {
  const [name, id, key] = [vkey.slice(0, vkey.indexOf('+')), ...vkey.slice(vkey.indexOf('+') + 1).split(/\+(.*)/s)];
  const typed = unb64(key);
  return typed[0] === 0x04 ? { name, id, raw: typed.slice(1) } : null;
}

/**
 * The policy's witnesses whose Ed25519 cosignature/v1 on the checkpoint verifies: the signed
 * message is `cosignature/v1\ntime <t>\n` and the note body; the signature line carries the
 * key ID, the 8-byte timestamp and the signature.
 */
export async function cosigners(checkpoint, policy) {
  const valid = [];
  for (const w of policy.witnesses) {
    const k = cosignerKey(w.vkey);
    if (!k) continue;
    for (const line of checkpoint.signatures) {
      if (!line.startsWith('— ' + k.name + ' ')) continue;
      const tagged = unb64(line.slice(k.name.length + 3));
      const idHex = [...tagged.slice(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join('');
      if (tagged.length !== 76 || idHex !== k.id) continue;
      const time = new DataView(tagged.buffer, tagged.byteOffset + 4, 8).getBigUint64(0);
      try {
        const key = await crypto.subtle.importKey('raw', k.raw, { name: 'Ed25519' }, false, ['verify']);
        const message = enc.encode(`cosignature/v1\ntime ${time}\n` + checkpoint.text);
        if (await crypto.subtle.verify({ name: 'Ed25519' }, key, tagged.slice(12), message)) {
          valid.push(w.name);
          break;
        }
      } catch (e) {
        return null; // this browser has no Ed25519 in WebCrypto
      }
    }
  }
  return valid;
}

const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Verifies one served event with its proof; returns what held. */
export async function verifyEvent(proven, publicKeyB64, policy) {
  const e = proven.event;
  const recomputed = await leafHash(canonicalBytes(e));
  const leafMatches = b64(recomputed) === e.leafHash;
  const proof = proven.proof;
  const checkpoint = parseCheckpoint(proof.checkpoint);
  const root = await rootFromInclusionProof(
    proof.leafIndex, proof.treeSize, recomputed, proof.hashes.map(unb64));
  const rootMatches = checkpoint.size === proof.treeSize && same(root, checkpoint.root);
  const signed = await checkSignature(checkpoint, publicKeyB64);
  const witnessed = policy ? await cosigners(checkpoint, policy) : [];
  const quorumMet = witnessed === null ? null : !policy || witnessed.length >= policy.quorum;
  return {
    leafMatches, rootMatches, signed, witnessed, quorumMet,
    ok: leafMatches && rootMatches && signed !== false && quorumMet !== false,
  };
}
