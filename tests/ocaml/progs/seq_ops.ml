(* seq_ops: Seq (lazy sequences): unfold, infinite sequences with a
   hand-written take, flat_map, filter_map, append, conversions. *)
let rec take n s () =
  if n = 0 then Seq.Nil else match s () with
    | Seq.Nil -> Seq.Nil
    | Seq.Cons (x, t) -> Seq.Cons (x, take (n - 1) t)

let show s = String.concat " " (List.of_seq (Seq.map string_of_int s))

let () =
  let nat = Seq.unfold (fun i -> Some (i, i + 1)) 0 in
  Printf.printf "nat: %s\n" (show (take 10 nat));
  let primes =
    let rec sieve s () = match s () with
      | Seq.Nil -> Seq.Nil
      | Seq.Cons (p, t) -> Seq.Cons (p, sieve (Seq.filter (fun n -> n mod p <> 0) t))
    in sieve (Seq.unfold (fun i -> Some (i, i + 1)) 2)
  in
  Printf.printf "primes: %s\n" (show (take 20 primes));
  Printf.printf "flat_map: %s\n" (show (Seq.flat_map (fun i -> List.to_seq [ i; -i ]) (take 4 nat)));
  Printf.printf "filter_map: %s\n"
    (show (Seq.filter_map (fun i -> if i mod 3 = 0 then Some (i * i) else None) (take 15 nat)));
  Printf.printf "append: %s, cons: %s, return: %s, empty: %s\n"
    (show (Seq.append (List.to_seq [ 1; 2 ]) (List.to_seq [ 3 ])))
    (show (Seq.cons 0 (Seq.return 1))) (show (Seq.return 7)) (show Seq.empty);
  Printf.printf "fold_left: %d, iter: " (Seq.fold_left ( + ) 0 (take 101 nat));
  Seq.iter (fun i -> Printf.printf "%d," i) (take 5 nat);
  print_newline ();
  (* A sequence is re-evaluated each time it is traversed. *)
  let count = ref 0 in
  let s = Seq.map (fun x -> incr count; x) (List.to_seq [ 1; 2; 3 ]) in
  let a = Seq.fold_left ( + ) 0 s and b = Seq.fold_left ( + ) 0 s in
  Printf.printf "twice: %d %d, evaluations: %d\n" a b !count;
  Printf.printf "array/list/string/hashtbl seqs: %s | %s | %d\n"
    (show (Array.to_seq [| 5; 6 |])) (String.of_seq (Seq.map Char.uppercase_ascii (String.to_seq "seq")))
    (Hashtbl.length (Hashtbl.of_seq (Seq.map (fun i -> (i mod 7, i)) (take 100 nat))));
  Printf.printf "long: %d\n" (Seq.fold_left (fun n _ -> n + 1) 0 (take 1_000_000 nat))
