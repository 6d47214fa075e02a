// Original file: ../../protos/smartmix/v1/worker.proto

import type { EmbedderSpec as _smartmix_v1_EmbedderSpec, EmbedderSpec__Output as _smartmix_v1_EmbedderSpec__Output } from '../../smartmix/v1/EmbedderSpec.js';
import type { EmbedTexts as _smartmix_v1_EmbedTexts, EmbedTexts__Output as _smartmix_v1_EmbedTexts__Output } from '../../smartmix/v1/EmbedTexts.js';

export interface EmbedRequest {
  'open'?: (_smartmix_v1_EmbedderSpec | null);
  'texts'?: (_smartmix_v1_EmbedTexts | null);
  'kind'?: "open"|"texts";
}

export interface EmbedRequest__Output {
  'open'?: (_smartmix_v1_EmbedderSpec__Output | null);
  'texts'?: (_smartmix_v1_EmbedTexts__Output | null);
  'kind'?: "open"|"texts";
}
