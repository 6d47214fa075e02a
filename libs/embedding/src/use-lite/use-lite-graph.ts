import type { GraphSpec, InitializerSpec, NodeSpec } from '@smartmix/onnx';
import type { TfjsWeight } from './tfjs-weights.js';

/**
 * The Universal Sentence Encoder Lite graph (TF Hub's universal-sentence-encoder-lite/2, as TF.js ships it) as a
 * dense ONNX graph with a BERT-style interface: `input_ids` and `attention_mask` [batch, length] in, the
 * L2-normalised 512-d `sentence_embedding` [batch, 512] out. The TF graph takes the batch as a sparse tensor and
 * runs the feed-forward parts on the real tokens only; here every position is computed and padding is kept out by
 * the attention bias and the masked mean, which gives the real tokens the same values. Architecture, read off the
 * TF graph: token embedding ×2 plus a sinusoidal timing signal; two pre-norm transformer layers (4 heads; the first
 * widens 256 → 512, its residual through a dense layer); a masked mean over tokens; a tanh layer; L2 normalisation.
 */
const ROOT = 'module_apply_default/Encoder_en/KonaTransformer/Encode/';
const KERNELS = 'module/Encoder_en/KonaTransformer/Encode/';
const HEADS = 4;
const LAYER_NORM_EPSILON = 1e-6;
/** The TF graph clips inputs to their first 128 tokens. */
export const USE_LITE_MAX_LENGTH = 128;

export function useLiteGraph(weights: Map<string, TfjsWeight>): GraphSpec {
  const initializers: InitializerSpec[] = [];
  const nodes: NodeSpec[] = [];
  const take = (name: string, local: string, dims?: number[]): string => {
    const weight = weights.get(name);
    if (!weight || !(weight.data instanceof Float32Array)) throw new Error(`USE-Lite weights lack ${name}`);
    initializers.push({ name: local, dims: dims ?? weight.shape, data: weight.data });
    return local;
  };
  const constant = (local: string, values: number[], dims = [values.length]): string => {
    initializers.push({ name: local, dims, data: BigInt64Array.from(values.map(BigInt)) });
    return local;
  };
  const floatConstant = (local: string, value: number): string => {
    initializers.push({ name: local, dims: [], data: Float32Array.of(value) });
    return local;
  };
  let counter = 0;
  const node = (
    op: string,
    inputs: string[],
    attributes?: NodeSpec['attributes'],
    floatAttributes?: string[],
  ) => {
    const output = `${op.toLowerCase()}_${counter++}`;
    nodes.push({ op, inputs, outputs: [output], attributes, floatAttributes });
    return output;
  };
  const scalarOf = (name: string): number => {
    const weight = weights.get(name);
    if (weight?.data.length !== 1) throw new Error(`USE-Lite weights lack the scalar ${name}`);
    return weight.data[0]!;
  };
  const dense = (x: string, kernel: string, bias: string) => node('Add', [node('MatMul', [x, kernel]), bias]);
  const layerNorm = (x: string, prefix: string, local: string) =>
    node(
      'LayerNormalization',
      [
        x,
        take(`${prefix}layer_norm/layer_norm_scale/ConcatPartitions/concat`, `${local}_scale`),
        take(`${prefix}layer_norm/layer_norm_bias/ConcatPartitions/concat`, `${local}_bias`),
      ],
      { axis: -1, epsilon: LAYER_NORM_EPSILON },
      ['epsilon'],
    );

  const axis1 = constant('axis_1', [1]);
  const axis2 = constant('axis_2', [2]);
  const mask = node('Cast', ['attention_mask'], { to: 1 });
  const mask3 = node('Unsqueeze', [mask, axis2]);
  // Padding keys get -1e9 before the softmax, as the TF graph's attention_bias_ignore_padding.
  const attentionBias = node('Unsqueeze', [
    node('Mul', [node('Sub', [floatConstant('one', 1), mask]), floatConstant('minus_1e9', -1e9)]),
    constant('axes_1_2', [1, 2]),
  ]);

  const embedded = node('Gather', [take('module/Embeddings_en', 'token_embedding'), 'input_ids']);
  const length = node('Gather', [node('Shape', ['input_ids']), constant('index_1', [1], [])]);
  const positions = node(
    'Cast',
    [node('Range', [constant('zero', [0], []), length, constant('one_int', [1], [])])],
    {
      to: 1,
    },
  );
  const angles = node('Mul', [
    node('Unsqueeze', [positions, axis1]),
    take(`${ROOT}TransformerStack/Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1`, 'inverse_timescales'),
  ]);
  const timing = node('Concat', [node('Sin', [angles]), node('Cos', [angles])], { axis: 1 });
  // The TF graph adds the timing signal to the scattered embeddings and then adds the embeddings once more.
  const input = node('Add', [node('Mul', [embedded, floatConstant('two', 2)]), timing]);

  const attention = (x: string, layer: number, width: number) => {
    const scope = `${ROOT}Layer_${layer}/TransformerLayer/MultiheadAttention/`;
    const kernels = `${KERNELS}Layer_${layer}/TransformerLayer/MultiheadAttention/`;
    const depth = width / HEADS;
    const qkv = dense(
      x,
      take(`${kernels}qkv_transform_single/kernel/part_0`, `l${layer}_qkv_kernel`, [width, 3 * width]),
      take(`${scope}qkv_transform_single/bias/ConcatPartitions/concat`, `l${layer}_qkv_bias`),
    );
    const outputs = ['q', 'k', 'v'].map((n) => `l${layer}_${n}`);
    nodes.push({
      op: 'Split',
      inputs: [qkv, constant(`l${layer}_split`, [width, width, width])],
      outputs,
      attributes: { axis: 2 },
    });
    const heads = constant(`l${layer}_heads_shape`, [0, 0, HEADS, depth]);
    const [q, k, v] = outputs.map((o) => node('Reshape', [o, heads]));
    const scale = floatConstant(
      `l${layer}_scale`,
      scalarOf(`${ROOT}TransformerStack/Layer_${layer}/TransformerLayer/MultiheadAttention/mul/y`),
    );
    const queries = node('Mul', [node('Transpose', [q!], { perm: [0, 2, 1, 3] }), scale]);
    const keys = node('Transpose', [k!], { perm: [0, 2, 3, 1] });
    const values = node('Transpose', [v!], { perm: [0, 2, 1, 3] });
    const weightsOf = node('Softmax', [node('Add', [node('MatMul', [queries, keys]), attentionBias])], {
      axis: -1,
    });
    const context = node('Reshape', [
      node('Transpose', [node('MatMul', [weightsOf, values])], { perm: [0, 2, 1, 3] }),
      constant(`l${layer}_combined_shape`, [0, 0, width]),
    ]);
    return dense(
      context,
      take(`${kernels}output_transform_single/kernel/part_0`, `l${layer}_out_kernel`, [width, 512]),
      take(`${scope}output_transform_single/bias/ConcatPartitions/concat`, `l${layer}_out_bias`),
    );
  };
  const feedForward = (x: string, layer: number) => {
    const stack = `${ROOT}TransformerStack/Layer_${layer}/TransformerLayer/FFN/`;
    const scope = `${ROOT}Layer_${layer}/TransformerLayer/FFN/`;
    const hidden = node('Relu', [
      dense(
        layerNorm(x, `${scope}layer_prepostprocess/`, `l${layer}_ffn_norm`),
        take(`${stack}conv1/Tensordot/Reshape_1`, `l${layer}_ffn1_kernel`),
        take(`${scope}conv1/bias/ConcatPartitions/concat`, `l${layer}_ffn1_bias`),
      ),
    ]);
    const out = dense(
      hidden,
      take(`${stack}conv2/Tensordot/Reshape_1`, `l${layer}_ffn2_kernel`),
      take(`${scope}conv2/bias/ConcatPartitions/concat`, `l${layer}_ffn2_bias`),
    );
    return node('Add', [x, out]);
  };

  // Layer 0: 256 wide in, 512 out; the residual goes through a dense layer to match.
  const layer0Scope = `${ROOT}Layer_0/TransformerLayer/`;
  const residual0 = dense(
    input,
    take(`${layer0Scope}dense/kernel/ConcatPartitions/concat`, 'l0_residual_kernel'),
    take(`${layer0Scope}dense/bias/ConcatPartitions/concat`, 'l0_residual_bias'),
  );
  const attended0 = node('Add', [
    attention(layerNorm(input, `${layer0Scope}layer_prepostprocess/`, 'l0_attention_norm'), 0, 256),
    residual0,
  ]);
  const layer0 = feedForward(attended0, 0);
  const layer1Scope = `${ROOT}Layer_1/TransformerLayer/`;
  const attended1 = node('Add', [
    attention(layerNorm(layer0, `${layer1Scope}layer_prepostprocess/`, 'l1_attention_norm'), 1, 512),
    layer0,
  ]);
  const layer1 = feedForward(attended1, 1);

  const tokens = node('Max', [
    node('ReduceSum', [mask, axis1], { keepdims: 1 }),
    floatConstant('one_token', 1),
  ]);
  const mean = node('Div', [
    node('ReduceSum', [node('Mul', [layer1, mask3]), axis1], { keepdims: 0 }),
    tokens,
  ]);
  const tanh = node('Tanh', [
    dense(
      mean,
      take('module/Encoder_en/hidden_layers/tanh_layer_0/weights', 'tanh_kernel'),
      take('module/Encoder_en/hidden_layers/tanh_layer_0/bias', 'tanh_bias'),
    ),
  ]);
  const squares = node('ReduceSum', [node('Mul', [tanh, tanh]), axis1], { keepdims: 1 });
  const inverseNorm = node('Reciprocal', [
    node('Sqrt', [node('Max', [squares, floatConstant('tiny', 1e-12)])]),
  ]);
  nodes.push({ op: 'Mul', inputs: [tanh, inverseNorm], outputs: ['sentence_embedding'] });

  return {
    name: 'universal_sentence_encoder_lite',
    inputs: [
      { name: 'input_ids', elemType: 'INT64', shape: ['batch', 'length'] },
      { name: 'attention_mask', elemType: 'INT64', shape: ['batch', 'length'] },
    ],
    outputs: [{ name: 'sentence_embedding', elemType: 'FLOAT', shape: ['batch', 512] }],
    initializers,
    nodes,
  };
}
