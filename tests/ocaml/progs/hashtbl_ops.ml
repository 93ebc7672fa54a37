(* hashtbl_ops: Hashtbl with the default (non-random) hash, whose order is
   a pure function of keys and insertions: add/replace/remove/find_all,
   resizing, fold/iter order, filter_map_inplace, stats, Hashtbl.hash
   values, seeded_hash and the functorial interface. *)
module SH = Hashtbl.Make (struct
    type t = string
    let equal = String.equal
    let hash s = String.length s
  end)

let () =
  let h = Hashtbl.create 4 in
  for i = 0 to 999 do Hashtbl.add h (i * 7919 mod 1000) (string_of_int i) done;
  Hashtbl.add h 5 "shadow";
  Printf.printf "length %d, find 5 = %s, find_all 5 = [%s]\n" (Hashtbl.length h)
    (Hashtbl.find h 5) (String.concat ";" (Hashtbl.find_all h 5));
  Hashtbl.remove h 5;
  Hashtbl.replace h 6 "six";
  Printf.printf "after remove/replace: %s %s %b\n" (Hashtbl.find h 5)
    (Hashtbl.find h 6) (Hashtbl.mem h 1000);
  (match Hashtbl.find h 1000 with
   | _ -> () | exception Not_found -> print_endline "Not_found");
  let order = Buffer.create 100 in
  Hashtbl.iter (fun k _ -> if k < 30 then Printf.bprintf order "%d " k) h;
  Printf.printf "iteration order: %s\n" (Buffer.contents order);
  Printf.printf "fold sum: %d\n" (Hashtbl.fold (fun k _ acc -> acc + k) h 0);
  Hashtbl.filter_map_inplace (fun k v -> if k mod 3 = 0 then None else Some (v ^ "!")) h;
  let st = Hashtbl.stats h in
  Printf.printf "filtered length %d, stats: bindings %d buckets %d max %d\n"
    (Hashtbl.length h) st.num_bindings st.num_buckets st.max_bucket_length;
  Printf.printf "hash: %d %d %d %d %d %d %d\n" (Hashtbl.hash 0) (Hashtbl.hash 42)
    (Hashtbl.hash "ocaml") (Hashtbl.hash 3.14) (Hashtbl.hash (1, "a", [ 2.5 ]))
    (Hashtbl.hash [| 1; 2; 3 |]) (Hashtbl.hash (Some (-1)));
  Printf.printf "seeded_hash: %d %d, hash_param: %d\n" (Hashtbl.seeded_hash 17 "ocaml")
    (Hashtbl.seeded_hash 0 0) (Hashtbl.hash_param 2 10 (List.init 50 Fun.id));
  Printf.printf "hash nan = hash -nan: %b, hash 0 = hash -0: %b\n"
    (Hashtbl.hash nan = Hashtbl.hash (-. nan)) (Hashtbl.hash 0. = Hashtbl.hash (-0.));
  let s = SH.create 8 in
  List.iter (fun w -> SH.replace s w (String.length w))
    [ "a"; "bb"; "cc"; "ddd"; "bb"; "eeee" ];
  Printf.printf "functor: %d bindings, cc -> %d\n" (SH.length s) (SH.find s "cc");
  let seq_h = Hashtbl.of_seq (List.to_seq [ (1, "a"); (2, "b"); (1, "c") ]) in
  Printf.printf "of_seq: %d %s, to_seq_keys sum %d\n" (Hashtbl.length seq_h)
    (Hashtbl.find seq_h 1) (Seq.fold_left ( + ) 0 (Hashtbl.to_seq_keys seq_h));
  let c = Hashtbl.copy seq_h in
  Hashtbl.reset seq_h;
  Printf.printf "copy survives reset: %d %d\n" (Hashtbl.length c) (Hashtbl.length seq_h)
