import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashingEmbedding } from '@smartmix/embedding';

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * b[i]!, 0);

describe('hashing embedder', () => {
  it('is deterministic, unit-length, and ignores case and punctuation', () => {
    const a = hashingEmbedding('What is the capital of France?', 256);
    assert.deepEqual(hashingEmbedding('what is the CAPITAL of france', 256), a);
    assert.ok(Math.abs(cosine(a, a) - 1) < 1e-6);
    assert.equal(
      hashingEmbedding('...', 64).every((v) => v === 0),
      true,
    );
  });

  it('puts paraphrases closer than unrelated prompts', () => {
    const q1 = hashingEmbedding('Translate the following sentence into German: the cat sat on the mat.', 256);
    const q2 = hashingEmbedding('Translate this sentence into German: the cat is sitting on the mat.', 256);
    const other = hashingEmbedding('Is this movie review positive or negative? A dull, lifeless film.', 256);
    assert.ok(cosine(q1, q2) > cosine(q1, other) + 0.3, `${cosine(q1, q2)} vs ${cosine(q1, other)}`);
  });
});
