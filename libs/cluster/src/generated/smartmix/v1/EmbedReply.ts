// Original file: ../../protos/smartmix/v1/worker.proto

import type { EmbedderOpened as _smartmix_v1_EmbedderOpened, EmbedderOpened__Output as _smartmix_v1_EmbedderOpened__Output } from '../../smartmix/v1/EmbedderOpened.js';
import type { EmbedVectors as _smartmix_v1_EmbedVectors, EmbedVectors__Output as _smartmix_v1_EmbedVectors__Output } from '../../smartmix/v1/EmbedVectors.js';

export interface EmbedReply {
  'opened'?: (_smartmix_v1_EmbedderOpened | null);
  'vectors'?: (_smartmix_v1_EmbedVectors | null);
  'kind'?: "opened"|"vectors";
}

export interface EmbedReply__Output {
  'opened'?: (_smartmix_v1_EmbedderOpened__Output | null);
  'vectors'?: (_smartmix_v1_EmbedVectors__Output | null);
  'kind'?: "opened"|"vectors";
}
