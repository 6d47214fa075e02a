import { AttrType, ElemType, ModelProto } from './onnx-schema.js';

/** A tensor input or output: element type and shape, where a string names a symbolic (dynamic) dimension. */
export interface TensorSpec {
  name: string;
  elemType: keyof typeof ElemType;
  shape: (number | string)[];
}

export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  attributes?: Record<string, number | number[]>;
  /** Attributes that must be encoded as floats even when their value is integral. */
  floatAttributes?: string[];
}

/** A constant tensor stored in the model (weights). */
export interface InitializerSpec {
  name: string;
  dims: number[];
  data: Float32Array | BigInt64Array;
}

export interface GraphSpec {
  name: string;
  inputs: TensorSpec[];
  initializers?: InitializerSpec[];
  outputs: TensorSpec[];
  nodes: NodeSpec[];
  /** Default-domain opset; 17 is supported by every onnxruntime release the project targets. */
  opset?: number;
}

function valueInfo(spec: TensorSpec) {
  return {
    name: spec.name,
    type: {
      tensorType: {
        elemType: ElemType[spec.elemType],
        shape: { dim: spec.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

function attribute(name: string, value: number | number[], asFloat: boolean) {
  if (Array.isArray(value)) return { name, type: AttrType.INTS, ints: value };
  if (asFloat) return { name, type: AttrType.FLOAT, f: value };
  return { name, type: AttrType.INT, i: value };
}

function initializer(spec: InitializerSpec) {
  return {
    name: spec.name,
    dims: spec.dims,
    dataType: spec.data instanceof Float32Array ? ElemType.FLOAT : ElemType.INT64,
    // ONNX raw_data is little-endian, like every platform onnxruntime-node ships for.
    rawData: new Uint8Array(spec.data.buffer, spec.data.byteOffset, spec.data.byteLength),
  };
}

/** Serialises a graph into ONNX ModelProto bytes that onnxruntime can load directly. */
export function buildModel(spec: GraphSpec): Uint8Array {
  const model = {
    irVersion: 8,
    producerName: 'smartmix',
    opsetImport: [{ domain: '', version: spec.opset ?? 17 }],
    graph: {
      name: spec.name,
      input: spec.inputs.map(valueInfo),
      output: spec.outputs.map(valueInfo),
      initializer: (spec.initializers ?? []).map(initializer),
      node: spec.nodes.map((n, i) => ({
        name: `${n.op}_${i}`,
        opType: n.op,
        input: n.inputs,
        output: n.outputs,
        attribute: Object.entries(n.attributes ?? {}).map(([k, v]) =>
          attribute(k, v, n.floatAttributes?.includes(k) ?? false),
        ),
      })),
    },
  };
  const err = ModelProto.verify(model);
  if (err) throw new Error(`buildModel(${spec.name}): ${err}`);
  return ModelProto.encode(ModelProto.fromObject(model)).finish();
}
