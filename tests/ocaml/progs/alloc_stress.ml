(* alloc_stress: an allocation-heavy workload through many minor and major
   collections: a binary-trees benchmark, a growing and shrinking
   Hashtbl, a large string buffer and a 10 M-element float array, all
   checked by deterministic sums. *)
type tree = Nil | Node of tree * tree

let rec make d = if d = 0 then Node (Nil, Nil) else Node (make (d - 1), make (d - 1))
let rec check = function Nil -> 0 | Node (l, r) -> 1 + check l + check r

let () =
  let long_lived = make 14 in
  let total = ref 0 in
  for d = 4 to 14 do
    if d mod 2 = 0 then begin
      let iters = 1 lsl (14 - d + 4) in
      let c = ref 0 in
      for _ = 1 to iters do c := !c + check (make d) done;
      total := !total + !c;
      Printf.printf "depth %d: %d trees, check %d\n" d iters !c
    end
  done;
  Printf.printf "long lived: %d, total %d\n" (check long_lived) !total;
  let h = Hashtbl.create 16 in
  for i = 1 to 200_000 do Hashtbl.replace h i (string_of_int i) done;
  for i = 1 to 200_000 do if i mod 4 <> 0 then Hashtbl.remove h i done;
  Printf.printf "hashtbl: %d left, sum of lengths %d\n" (Hashtbl.length h)
    (Hashtbl.fold (fun _ v acc -> acc + String.length v) h 0);
  let b = Buffer.create 16 in
  for i = 1 to 100_000 do Buffer.add_string b (string_of_int (i * i)) done;
  Printf.printf "buffer: %d bytes, md5 %s\n" (Buffer.length b) (Digest.to_hex (Digest.string (Buffer.contents b)));
  let fa = Array.init 2_000_000 float_of_int in
  Printf.printf "float array sum: %.1f\n" (Array.fold_left ( +. ) 0. fa);
  let s = Gc.quick_stat () in
  Printf.printf "collections happened: minor %b, major %b\n" (s.minor_collections > 10) (s.major_collections > 0)
