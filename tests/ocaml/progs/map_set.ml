(* map_set: Map and Set from functors: add/remove/update, union/merge/
   inter/diff, split, find_first, partition, seq conversions, equality. *)
module IM = Map.Make (Int)
module SS = Set.Make (String)
module IS = Set.Make (struct type t = int let compare a b = compare b a end)

let show_im m = String.concat " " (List.map (fun (k, v) -> Printf.sprintf "%d:%s" k v) (IM.bindings m))
let show_ss s = String.concat " " (SS.elements s)

let () =
  let m = List.fold_left (fun m i -> IM.add (i * 37 mod 101) (string_of_int i) m) IM.empty
      (List.init 20 Fun.id) in
  Printf.printf "map: %s\n" (show_im m);
  Printf.printf "card %d, min %d, max %d, find 37 %s, mem 2 %b\n" (IM.cardinal m)
    (fst (IM.min_binding m)) (fst (IM.max_binding m)) (IM.find 37 m) (IM.mem 2 m);
  let m2 = IM.update 37 (function Some v -> Some (v ^ "+") | None -> Some "new") m in
  let m2 = IM.update 1000 (function Some _ -> None | None -> Some "added") m2 in
  let m2 = IM.remove 0 m2 in
  Printf.printf "updated: %s\n" (show_im (IM.filter (fun k _ -> k < 40 || k = 1000) m2));
  let l, v, r = IM.split 50 m in
  Printf.printf "split 50: %d below, %s, %d above\n" (IM.cardinal l)
    (match v with Some s -> s | None -> "absent") (IM.cardinal r);
  Printf.printf "find_first >= 50: %d, find_last_opt < 0: %s\n"
    (fst (IM.find_first (fun k -> k >= 50) m))
    (match IM.find_last_opt (fun k -> k < 0) m with Some _ -> "some" | None -> "none");
  let u = IM.union (fun _ a b -> Some (a ^ b)) m (IM.singleton 37 "x") in
  Printf.printf "union at 37: %s\n" (IM.find 37 u);
  let mg = IM.merge (fun _ a b -> match a, b with
      | Some a, None -> Some a | None, Some b -> Some b | _ -> None) m
      (IM.of_seq (List.to_seq [ (37, "dup"); (500, "five hundred") ])) in
  Printf.printf "merge: card %d, has 37 %b, 500 -> %s\n" (IM.cardinal mg) (IM.mem 37 mg)
    (IM.find 500 mg);
  Printf.printf "fold: %d, exists: %b, for_all: %b, equal: %b, compare: %d\n"
    (IM.fold (fun k _ acc -> acc + k) m 0) (IM.exists (fun k _ -> k = 74) m)
    (IM.for_all (fun k _ -> k < 101) m) (IM.equal String.equal m m)
    (IM.compare String.compare m m2);
  let s = SS.of_list [ "pear"; "apple"; "fig"; "kiwi"; "apple"; "banana" ] in
  let t = SS.of_list [ "fig"; "grape"; "kiwi"; "lime" ] in
  Printf.printf "set: %s | union: %s | inter: %s | diff: %s\n" (show_ss s)
    (show_ss (SS.union s t)) (show_ss (SS.inter s t)) (show_ss (SS.diff s t));
  let small, big = SS.partition (fun w -> String.length w <= 4) s in
  Printf.printf "partition: %s / %s, subset: %b, disjoint: %b\n" (show_ss small)
    (show_ss big) (SS.subset (SS.inter s t) t) (SS.disjoint small big);
  Printf.printf "to_seq_from \"c\": %s, choose: %s, map: %s\n"
    (String.concat " " (List.of_seq (SS.to_seq_from "c" s))) (SS.choose s)
    (show_ss (SS.map String.uppercase_ascii s));
  let is = IS.of_list (List.init 10 (fun i -> i * i mod 17)) in
  Printf.printf "custom order: %s, min %d\n"
    (String.concat " " (List.map string_of_int (IS.elements is))) (IS.min_elt is);
  let big = List.fold_left (fun s i -> IS.add i s) IS.empty (List.init 100_000 Fun.id) in
  Printf.printf "big set: %d, filter even: %d\n" (IS.cardinal big)
    (IS.cardinal (IS.filter (fun i -> i land 1 = 0) big))
