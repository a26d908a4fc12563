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
 * Parses a C2SP tlog-policy strictly: its logs, its witnesses, its groups and the quorum
 * (`quorum` is the top group's threshold, 0 for `quorum none`). Throws naming the line at fault.
 */
export function parsePolicy(text) {
  const logs = [];
  const witnesses = [];
  const groups = {};
  let quorumName = null;
  const known = (n) => witnesses.some((w) => w.name === n) || n in groups;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const items = line.split(/[ \t]+/);
    const fail = (why) => { throw new Error(`policy line ${i + 1}: ${why}`); };
    const named = () => {
      if (items.length < 3) fail(`expected ${items[0]} <name> …`);
      if (items[1] === 'none' || known(items[1])) fail(`${items[1]} is already defined`);
      return items[1];
    };
    if (items[0] === 'log') {
      if (items.length < 2 || items.length > 3) fail('expected log … <vkey> [<url>]');
      logs.push(items[1]);
    } else if (items[0] === 'witness') {
      const name = named();
      if (items.length > 4) fail('expected witness … <vkey> [<url>]');
      witnesses.push({ name, vkey: items[2] });
    } else if (items[0] === 'group') {
      const name = named();
      const members = items.slice(3);
      if (!members.length) fail('a group has at least one member');
      members.forEach((m) => { if (!known(m)) fail(`${m} is not an earlier witness or group`); });
      const k = items[2] === 'all' ? members.length : items[2] === 'any' ? 1 : /^[1-9][0-9]{0,3}$/.test(items[2]) ? Number(items[2]) : 0;
      if (k < 1 || k > members.length) fail('the threshold is all, any or 1 ≤ k ≤ n');
      groups[name] = { threshold: k, members };
    } else if (items[0] === 'quorum') {
      if (quorumName !== null || items.length !== 2) fail('a policy has exactly one quorum <name> line');
      if (items[1] !== 'none' && !known(items[1])) fail('the quorum names no earlier witness or group');
      quorumName = items[1];
    } else {
      fail(`unknown keyword ${items[0]}`);
    }
  });
  if (quorumName === null) throw new Error('the policy has no quorum line');
  const quorum = quorumName === 'none' ? 0 : groups[quorumName]?.threshold ?? 1;
  return { logs, witnesses, groups, quorumName, quorum };
}

/** Whether the named witnesses' cosignatures satisfy the policy's quorum. */
export function quorumMet(policy, names) {
  const witnessed = (n) => {
    const group = policy.groups[n];
    return group ? group.members.filter(witnessed).length >= group.threshold : names.includes(n);
  };
  return policy.quorumName === 'none' || witnessed(policy.quorumName);
}

/** A C2SP verifier key: its name, hex key ID, type (1 a log's, 4 a cosigner's) and raw key. */
function parseVkey(vkey) {
  const first = vkey.indexOf('+');
  const second = vkey.indexOf('+', first + 1);
  if (first < 1 || second < 0) return null;
  try {
    const typed = unb64(vkey.slice(second + 1));
    return typed.length === 33
      ? { name: vkey.slice(0, first), id: vkey.slice(first + 1, second), type: typed[0], raw: typed.slice(1) }
      : null;
  } catch {
    return null;
  }
}

const hex = (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Whether one signature line verifies by a verifier key: a log's Ed25519 signature over the note
 * body, or a witness's cosignature/v1 over `cosignature/v1\ntime <t>\n` and the body (the line
 * carries the key ID, the 8-byte timestamp and the signature). null if this browser has no Ed25519.
 */
export async function lineSignedBy(line, body, vkey) {
  const k = parseVkey(vkey);
  if (!k || !line.startsWith('— ' + k.name + ' ')) return false;
  let tagged;
  try {
    tagged = unb64(line.slice(k.name.length + 3));
  } catch {
    return false;
  }
  if (hex(tagged.slice(0, 4)) !== k.id) return false;
  let message;
  let signature;
  if (k.type === 1 && tagged.length === 68) {
    message = enc.encode(body);
    signature = tagged.slice(4);
  } else if (k.type === 4 && tagged.length === 76) {
    const time = new DataView(tagged.buffer, tagged.byteOffset + 4, 8).getBigUint64(0);
    message = enc.encode(`cosignature/v1\ntime ${time}\n` + body);
    signature = tagged.slice(12);
  } else {
    return false;
  }
  try {
    const key = await crypto.subtle.importKey('raw', k.raw, { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message);
  } catch {
    return null;
  }
}

/** The policy's witnesses whose cosignature on the checkpoint verifies; null without Ed25519. */
export async function cosigners(checkpoint, policy) {
  const valid = [];
  for (const w of policy.witnesses) {
    for (const line of checkpoint.signatures) {
      const signed = await lineSignedBy(line, checkpoint.text, w.vkey);
      if (signed === null) return null;
      if (signed) {
        valid.push(w.name);
        break;
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
  const quorum = witnessed === null ? null : !policy || quorumMet(policy, witnessed);
  return {
    leafMatches, rootMatches, signed, witnessed, quorumMet: quorum,
    ok: leafMatches && rootMatches && signed !== false && quorum !== false,
  };
}
