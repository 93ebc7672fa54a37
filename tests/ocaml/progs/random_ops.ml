(* random_ops: the seeded generator's exact values (Random.init,
   full_init, State.make, copy, independent states), and only properties of
   self_init's values, which differ from run to run. *)
let () =
  Random.init 42;
  Printf.printf "int: %s\n" (String.concat " " (List.init 10 (fun _ -> string_of_int (Random.int 1000))));
  Printf.printf "float: %s\n" (String.concat " " (List.init 5 (fun _ -> Printf.sprintf "%h" (Random.float 1.))));
  Printf.printf "bool: %s\n" (String.concat "" (List.init 20 (fun _ -> if Random.bool () then "1" else "0")));
  Printf.printf "bits: %d %d, int32: %ld, int64: %Ld, nativeint: %nd, full_int: %d\n"
    (Random.bits ()) (Random.bits ()) (Random.int32 Int32.max_int) (Random.int64 Int64.max_int)
    (Random.nativeint 1000n) (Random.full_int max_int);
  Random.full_init [| 1; 2; 3; 4 |];
  Printf.printf "full_init: %d %d %d\n" (Random.int 100) (Random.int 100) (Random.int 100);
  let s = Random.State.make [| 7 |] in
  let s' = Random.State.copy s in
  let a = List.init 5 (fun _ -> Random.State.int s 1_000_000) in
  let b = List.init 5 (fun _ -> Random.State.int s' 1_000_000) in
  Printf.printf "state: %s, copy agrees: %b\n" (String.concat " " (List.map string_of_int a)) (a = b);
  Random.init 42;
  let g = Random.get_state () in
  let x = Random.int 1000 in
  Random.set_state g;
  Printf.printf "get/set_state replays: %b\n" (x = Random.int 1000);
  (match Random.int 0 with
   | _ -> print_endline "Random.int 0 accepted?"
   | exception Invalid_argument m -> Printf.printf "Invalid_argument %s\n" m);
  (* Shuffle with a seeded state: a fixed permutation. *)
  let arr = Array.init 10 Fun.id in
  let st = Random.State.make [| 2024; 1 |] in
  for i = 9 downto 1 do
    let j = Random.State.int st (i + 1) in
    let t = arr.(i) in arr.(i) <- arr.(j); arr.(j) <- t
  done;
  Printf.printf "shuffle: %s\n" (String.concat " " (Array.to_list (Array.map string_of_int arr)));
  (* Uniformity of a seeded stream: chi-square-free bucket counts. *)
  let buckets = Array.make 10 0 in
  let st = Random.State.make [| 99 |] in
  for _ = 1 to 100_000 do let k = Random.State.int st 10 in buckets.(k) <- buckets.(k) + 1 done;
  Printf.printf "buckets: %s\n" (String.concat " " (Array.to_list (Array.map string_of_int buckets)));
  (* self_init: values differ between runs; print properties. *)
  Random.self_init ();
  let vs = List.init 1000 (fun _ -> Random.int 1000) in
  Printf.printf "self_init: in range %b, not constant %b\n"
    (List.for_all (fun v -> v >= 0 && v < 1000) vs)
    (List.exists (fun v -> v <> List.hd vs) vs);
  let st1 = Random.State.make_self_init () in
  let st2 = Random.State.make_self_init () in
  let l1 = List.init 4 (fun _ -> Random.State.bits st1) and l2 = List.init 4 (fun _ -> Random.State.bits st2) in
  Printf.printf "make_self_init: two states differ %b\n" (l1 <> l2)
