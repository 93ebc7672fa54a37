(* lazy_ops: lazy values: forced once, from_val/from_fun, is_val, lazy
   patterns, an exception inside a suspension raised again on each force,
   Lazy.Undefined on recursive forcing, and Lazy.map. *)
type stream = Cons of int * stream Lazy.t

let () =
  let n = ref 0 in
  let l = lazy (incr n; 6 * 7) in
  Printf.printf "is_val before: %b\n" (Lazy.is_val l);
  let a = Lazy.force l in
  let b = Lazy.force l in
  Printf.printf "force: %d %d, evaluated %d times, is_val after: %b\n" a b !n (Lazy.is_val l);
  let v = Lazy.from_val "ready" in
  Printf.printf "from_val: %s %b\n" (Lazy.force v) (Lazy.is_val v);
  let f = Lazy.from_fun (fun () -> incr n; !n) in
  let a = Lazy.force f in
  let b = Lazy.force f in
  Printf.printf "from_fun: %d %d\n" a b;
  let bad = lazy (incr n; failwith "inside lazy") in
  for _ = 1 to 2 do
    match Lazy.force bad with
    | () -> ()
    | exception Failure m -> Printf.printf "raised: %s (n=%d)\n" m !n
  done;
  let rec r = lazy (Lazy.force r + 1) in
  (match Lazy.force r with
   | _ -> print_endline "no Undefined?"
   | exception Lazy.Undefined -> print_endline "Lazy.Undefined");
  let pair = lazy (1, "one") in
  (match pair with lazy (i, s) -> Printf.printf "pattern: %d %s\n" i s);
  let m = Lazy.map (fun x -> x * 2) l in
  Printf.printf "map: %d, map_val: %b\n" (Lazy.force m) (Lazy.is_val (Lazy.map_val succ l));
  (* A lazy stream of Fibonacci numbers sharing its evaluation. *)
  let rec fibs a b = lazy (Cons (a, fibs b (a + b))) in
  let rec nth k s = let (Cons (x, t)) = Lazy.force s in if k = 0 then x else nth (k - 1) t in
  Printf.printf "fib 90: %d\n" (nth 90 (fibs 0 1));
  (* Lazy values survive collections. *)
  let ls = List.init 1000 (fun i -> lazy (i * i)) in
  Gc.full_major ();
  Printf.printf "sum of forced: %d\n" (List.fold_left (fun a l -> a + Lazy.force l) 0 ls);
  Gc.compact ();
  Printf.printf "after compact: %d\n" (List.fold_left (fun a l -> a + Lazy.force l) 0 ls)
