;; The inner loops of blockwise facility location (src/block-gain-kernel.ts): block gains for four candidates at a
;; time, bit-identical to facilityLocationBlockGain (src/functions/facility-location.ts), which stays the definition;
;; and the open rows of one column.
;;
;; For each candidate c < count, whose similarities with one summation block's rows are columns[c·width … c·width +
;; width) (float32, the GEMM's output), and the block's memo (float32, width values):
;;   sums[c]  = Σ over rows i = width−1 down to 0 of float32(column[i] − memo[i]) where positive, in float64, from 0
;;   opens[c] = the number of rows with column[i] > memo[i]
;; Why it is the same arithmetic: f32x4.sub is the float32 subtraction; f32x4.max(d, +0) is d for d > 0 and +0
;; otherwise (wasm's max orders −0 below +0), the term the JS adds; promotion to float64 is exact; and each lane's
;; float64 additions run in the same row order as the scalar loop. The four lanes hold four different candidates, so
;; SIMD changes nothing about any one candidate's sum.
;; Regenerate src/generated/block-gains-wasm.ts after editing: npm run generate -w @smartmix/submodular
(module
  (memory (export "memory") 0)
  (func (export "blockGains")
    (param $columns i32) (param $width i32) (param $count i32) (param $memo i32) (param $sums i32) (param $opens i32)
    (local $c i32) (local $stride i32) (local $last i32)
    (local $p0 i32) (local $p1 i32) (local $p2 i32) (local $p3 i32) (local $off i32)
    (local $d v128) (local $r v128) (local $low v128) (local $high v128) (local $open v128) (local $k i32)
    (local.set $stride (i32.shl (local.get $width) (i32.const 2)))
    (local.set $last (i32.sub (local.get $count) (i32.const 1)))
    (block $done
      (loop $group
        (br_if $done (i32.ge_s (local.get $c) (local.get $count)))
        ;; Lanes past the last candidate read the last column again; their results are not stored.
        (local.set $p0 (i32.add (local.get $columns) (i32.mul (local.get $stride) (local.get $c))))
        (local.set $p1 (i32.add (local.get $columns) (i32.mul (local.get $stride)
          (select (i32.add (local.get $c) (i32.const 1)) (local.get $last)
            (i32.lt_s (i32.add (local.get $c) (i32.const 1)) (local.get $count))))))
        (local.set $p2 (i32.add (local.get $columns) (i32.mul (local.get $stride)
          (select (i32.add (local.get $c) (i32.const 2)) (local.get $last)
            (i32.lt_s (i32.add (local.get $c) (i32.const 2)) (local.get $count))))))
        (local.set $p3 (i32.add (local.get $columns) (i32.mul (local.get $stride)
          (select (i32.add (local.get $c) (i32.const 3)) (local.get $last)
            (i32.lt_s (i32.add (local.get $c) (i32.const 3)) (local.get $count))))))
        (local.set $low (v128.const f64x2 0 0))
        (local.set $high (v128.const f64x2 0 0))
        (local.set $open (v128.const i32x4 0 0 0 0))
        (local.set $off (local.get $stride))
        (block $rows_done
          (loop $rows
            (br_if $rows_done (i32.eqz (local.get $off)))
            (local.set $off (i32.sub (local.get $off) (i32.const 4)))
            (local.set $d
              (f32x4.sub
                (f32x4.replace_lane 3
                  (f32x4.replace_lane 2
                    (f32x4.replace_lane 1
                      (v128.load32_splat (i32.add (local.get $p0) (local.get $off)))
                      (f32.load (i32.add (local.get $p1) (local.get $off))))
                    (f32.load (i32.add (local.get $p2) (local.get $off))))
                  (f32.load (i32.add (local.get $p3) (local.get $off))))
                (v128.load32_splat (i32.add (local.get $memo) (local.get $off)))))
            (local.set $r (f32x4.max (local.get $d) (v128.const f32x4 0 0 0 0)))
            (local.set $low (f64x2.add (local.get $low) (f64x2.promote_low_f32x4 (local.get $r))))
            (local.set $high (f64x2.add (local.get $high) (f64x2.promote_low_f32x4
              (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $r) (local.get $r)))))
            ;; A true comparison is all ones, −1 as an integer.
            (local.set $open (i32x4.sub (local.get $open) (f32x4.gt (local.get $d) (v128.const f32x4 0 0 0 0))))
            (br $rows)))
        (f64.store (i32.add (local.get $sums) (i32.shl (local.get $c) (i32.const 3))) (f64x2.extract_lane 0 (local.get $low)))
        (i32.store (i32.add (local.get $opens) (i32.shl (local.get $c) (i32.const 2))) (i32x4.extract_lane 0 (local.get $open)))
        (if (i32.lt_s (i32.add (local.get $c) (i32.const 1)) (local.get $count))
          (then
            (f64.store offset=8 (i32.add (local.get $sums) (i32.shl (local.get $c) (i32.const 3))) (f64x2.extract_lane 1 (local.get $low)))
            (i32.store offset=4 (i32.add (local.get $opens) (i32.shl (local.get $c) (i32.const 2))) (i32x4.extract_lane 1 (local.get $open)))))
        (if (i32.lt_s (i32.add (local.get $c) (i32.const 2)) (local.get $count))
          (then
            (f64.store offset=16 (i32.add (local.get $sums) (i32.shl (local.get $c) (i32.const 3))) (f64x2.extract_lane 0 (local.get $high)))
            (i32.store offset=8 (i32.add (local.get $opens) (i32.shl (local.get $c) (i32.const 2))) (i32x4.extract_lane 2 (local.get $open)))))
        (if (i32.lt_s (i32.add (local.get $c) (i32.const 3)) (local.get $count))
          (then
            (f64.store offset=24 (i32.add (local.get $sums) (i32.shl (local.get $c) (i32.const 3))) (f64x2.extract_lane 1 (local.get $high)))
            (i32.store offset=12 (i32.add (local.get $opens) (i32.shl (local.get $c) (i32.const 2))) (i32x4.extract_lane 3 (local.get $open)))))
        (local.set $c (i32.add (local.get $c) (i32.const 4)))
        (br $group))))

  ;; The rows of one column that are open (column[i] > memo[i]), rows width−1 down to 0: writes their offsets i to
  ;; out (int32) and returns how many. Late in a run few rows are open, so four rows are compared at once and groups
  ;; without an open row are skipped.
    (func (export "openRows")
      (param $column i32) (param $memo i32) (param $width i32) (param $out i32) (result i32)
      (local $off i32) (local $count i32) (local $mask v128)
      (local.set $off (i32.shl (local.get $width) (i32.const 2)))
      ;; The top width mod 4 rows one at a time, so the rest come in whole groups of four.
      (block $tail_done
        (loop $tail
          (br_if $tail_done (i32.eqz (i32.and (local.get $off) (i32.const 15))))
          (local.set $off (i32.sub (local.get $off) (i32.const 4)))
          (if (f32.gt (f32.load (i32.add (local.get $column) (local.get $off)))
                      (f32.load (i32.add (local.get $memo) (local.get $off))))
            (then
              (i32.store (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2)))
                (i32.shr_u (local.get $off) (i32.const 2)))
              (local.set $count (i32.add (local.get $count) (i32.const 1)))))
          (br $tail)))
      (block $done
        (loop $groups
          (br_if $done (i32.eqz (local.get $off)))
          (local.set $off (i32.sub (local.get $off) (i32.const 16)))
          (local.set $mask (f32x4.gt (v128.load (i32.add (local.get $column) (local.get $off)))
                                     (v128.load (i32.add (local.get $memo) (local.get $off)))))
          (if (v128.any_true (local.get $mask))
            (then
              ;; Lanes 3 … 0 are rows off/4 + 3 … off/4: descending.
              (if (i32x4.extract_lane 3 (local.get $mask))
                (then
                  (i32.store (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2)))
                    (i32.add (i32.shr_u (local.get $off) (i32.const 2)) (i32.const 3)))
                  (local.set $count (i32.add (local.get $count) (i32.const 1)))))
              (if (i32x4.extract_lane 2 (local.get $mask))
                (then
                  (i32.store (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2)))
                    (i32.add (i32.shr_u (local.get $off) (i32.const 2)) (i32.const 2)))
                  (local.set $count (i32.add (local.get $count) (i32.const 1)))))
              (if (i32x4.extract_lane 1 (local.get $mask))
                (then
                  (i32.store (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2)))
                    (i32.add (i32.shr_u (local.get $off) (i32.const 2)) (i32.const 1)))
                  (local.set $count (i32.add (local.get $count) (i32.const 1)))))
              (if (i32x4.extract_lane 0 (local.get $mask))
                (then
                  (i32.store (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2)))
                    (i32.shr_u (local.get $off) (i32.const 2)))
                  (local.set $count (i32.add (local.get $count) (i32.const 1)))))))
          (br $groups)))
      (local.get $count))
)
