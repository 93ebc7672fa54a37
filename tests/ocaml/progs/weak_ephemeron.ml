(* weak_ephemeron: Weak arrays and hash sets, and Ephemeron.K1 tables:
   entries whose keys become unreachable are emptied by a full major
   collection; reachable ones stay. *)
module WS = Weak.Make (struct type t = string let equal = String.equal let hash = Hashtbl.hash end)
module ET = Ephemeron.K1.Make (struct type t = int ref let equal = ( == ) let hash r = Hashtbl.hash !r end)

let[@inline never] fresh i = ref i

let () =
  let w = Weak.create 10 in
  let kept = Array.init 5 (fun i -> fresh (100 + i)) in
  for i = 0 to 4 do Weak.set w i (Some kept.(i)) done;
  for i = 5 to 9 do Weak.set w i (Some (fresh i)) done;
  Gc.full_major ();
  let alive = ref [] in
  for i = 9 downto 0 do
    match Weak.get w i with Some r -> alive := !r :: !alive | None -> ()
  done;
  Printf.printf "weak alive: %s\n" (String.concat " " (List.map string_of_int !alive));
  Printf.printf "check 0: %b, check 9: %b, length %d\n" (Weak.check w 0) (Weak.check w 9) (Weak.length w);
  (* Weak hash set: merge returns the canonical copy. *)
  let ws = WS.create 16 in
  let a = String.concat "" [ "hash"; "cons" ] in
  let a' = WS.merge ws a in
  let b = WS.merge ws (String.concat "" [ "hash"; "cons" ]) in
  Printf.printf "hash-consing: %b %b, mem: %b\n" (a == a') (a == b) (WS.mem ws "hashcons");
  for i = 0 to 999 do ignore (WS.merge ws (string_of_int i ^ "!")) done;
  Gc.full_major ();
  Printf.printf "weak set after GC: count <= 10: %b, still finds kept: %b\n"
    (WS.count ws <= 10) (WS.mem ws "hashcons");
  ignore (Sys.opaque_identity a);
  (* Ephemerons: data lives as long as its key. *)
  let t = ET.create 16 in
  let keys = Array.init 20 fresh in
  Array.iter (fun k -> ET.replace t k (String.make 10 'v')) keys;
  for i = 0 to 99 do ET.replace t (fresh (1000 + i)) "dropped" done;
  Gc.full_major ();
  ET.clean t;
  Printf.printf "ephemeron table: %d live, find key 7: %s\n" (ET.length t)
    (match ET.find_opt t keys.(7) with Some v -> v | None -> "missing");
  let e = Ephemeron.K1.create () in
  Ephemeron.K1.set_key e (fresh 1);
  Ephemeron.K1.set_data e "data";
  Gc.full_major ();
  Printf.printf "lone ephemeron key: %s, data: %s\n"
    (match Ephemeron.K1.get_key e with Some _ -> "alive" | None -> "gone")
    (match Ephemeron.K1.get_data e with Some d -> d | None -> "gone");
  Printf.printf "keys still reachable: %d, kept: %d\n" (Array.fold_left (fun a k -> a + !k) 0 keys)
    (Array.fold_left (fun a k -> a + !k) 0 kept)
