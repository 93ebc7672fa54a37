(* bigarray_ops: Bigarray kinds (float32/64, int8/16/32/64, char,
   complex, nativeint), C and Fortran layouts, sub/slice/blit/fill,
   reshape, Genarray, and arrays larger than the OCaml heap increment. *)
open Bigarray

let () =
  let f32 = Array1.of_array float32 c_layout [| 0.1; 1e40; 1e-46; -2.5; 16777217. |] in
  Printf.printf "float32: %s\n"
    (String.concat " " (List.init (Array1.dim f32) (fun i -> Printf.sprintf "%h" f32.{i})));
  let i8 = Array1.create int8_signed c_layout 4 and u8 = Array1.create int8_unsigned c_layout 4 in
  List.iteri (fun i v -> i8.{i} <- v; u8.{i} <- v) [ 127; 128; -1; 300 ];
  Printf.printf "int8: %d %d %d %d, uint8: %d %d %d %d\n" i8.{0} i8.{1} i8.{2} i8.{3}
    u8.{0} u8.{1} u8.{2} u8.{3};
  let i16 = Array1.of_array int16_signed c_layout [| 32767; 32768; -32769 |] in
  let u16 = Array1.of_array int16_unsigned c_layout [| 65535; 65536; -1 |] in
  Printf.printf "int16: %d %d %d, uint16: %d %d %d\n" i16.{0} i16.{1} i16.{2} u16.{0} u16.{1} u16.{2};
  let i32 = Array1.of_array int32 c_layout [| Int32.max_int; -1l |] in
  let i64 = Array1.of_array int64 c_layout [| Int64.min_int; 5L |] in
  let ni = Array1.of_array nativeint c_layout [| -3n |] in
  let ch = Array1.of_array char c_layout [| 'o'; 'k' |] in
  Printf.printf "int32 %ld %ld, int64 %Ld %Ld, nativeint %nd, char %c%c\n" i32.{0} i32.{1}
    i64.{0} i64.{1} ni.{0} ch.{0} ch.{1};
  let cx = Array1.of_array complex64 c_layout [| Complex.one; Complex.i |] in
  cx.{0} <- Complex.mul cx.{0} cx.{1};
  Printf.printf "complex: %g%+gi, norm %g, kind size %d\n" cx.{0}.re cx.{0}.im
    (Complex.norm cx.{1}) (kind_size_in_bytes complex64);
  let m = Array2.init float64 c_layout 3 4 (fun i j -> float (i * 10 + j)) in
  let fm = Array2.init int fortran_layout 3 4 (fun i j -> i * 10 + j) in
  Printf.printf "c m.{2,3} = %g, fortran fm.{1,1} = %d fm.{3,4} = %d, dims %dx%d\n"
    m.{2, 3} fm.{1, 1} fm.{3, 4} (Array2.dim1 fm) (Array2.dim2 fm);
  let row = Array2.slice_left m 1 in
  Printf.printf "slice_left row 1: %g %g %g %g\n" row.{0} row.{1} row.{2} row.{3};
  let col = Array2.slice_right fm 2 in
  Printf.printf "fortran slice_right col 2: %d %d %d\n" col.{1} col.{2} col.{3};
  let a = Array1.init int c_layout 10 (fun i -> i) in
  let sub = Array1.sub a 2 5 in
  Array1.fill sub 0;
  Array1.blit (Array1.sub a 6 4) (Array1.sub a 0 4);
  Printf.printf "sub/fill/blit: %s\n" (String.concat " " (List.init 10 (fun i -> string_of_int a.{i})));
  let g = Genarray.init int c_layout [| 2; 3; 4 |] (fun idx -> idx.(0) * 100 + idx.(1) * 10 + idx.(2)) in
  let r = reshape_2 g 6 4 in
  Printf.printf "genarray: dims %d, size %d, g[1,2,3] = %d, reshaped r.{5,3} = %d\n"
    (Genarray.num_dims g) (Array.fold_left ( * ) 1 (Genarray.dims g))
    (Genarray.get g [| 1; 2; 3 |]) r.{5, 3};
  let a3 = Array3.create float64 c_layout 2 2 2 in
  Array3.fill a3 1.5;
  Printf.printf "array3 sum: %g\n"
    (let s = ref 0. in for i = 0 to 1 do for j = 0 to 1 do for k = 0 to 1 do
         s := !s +. a3.{i, j, k} done done done; !s);
  (try ignore a.{10} with Invalid_argument e -> Printf.printf "out of bounds: %s\n" e);
  (* 32 MiB outside the OCaml heap, touched at every page. *)
  let big = Array1.create char c_layout (32 * 1024 * 1024) in
  let n = Array1.dim big in
  let i = ref 0 in
  while !i < n do big.{!i} <- Char.chr ((!i / 4096) land 255); i := !i + 4096 done;
  let sum = ref 0 in
  i := 0;
  while !i < n do sum := !sum + Char.code big.{!i}; i := !i + 4096 done;
  Printf.printf "big: %d bytes, page checksum %d\n" n !sum;
  let c = Array1.change_layout (Array1.of_array int c_layout [| 7; 8; 9 |]) fortran_layout in
  Printf.printf "change_layout: %d %d\n" c.{1} c.{3}
