(* hashtbl_random: randomized Hashtbl (create ~random:true) whose order
   changes from run to run: only order-free properties are printed. *)
let () =
  let h = Hashtbl.create ~random:true 16 in
  for i = 1 to 5000 do Hashtbl.replace h (string_of_int (i * 31)) i done;
  for i = 1 to 1000 do Hashtbl.remove h (string_of_int (i * 62)) done;
  let keys = List.sort compare (Hashtbl.fold (fun k _ acc -> k :: acc) h []) in
  Printf.printf "length %d, is_randomized %b, sum %d\n" (Hashtbl.length h)
    (Hashtbl.is_randomized ()) (Hashtbl.fold (fun _ v acc -> acc + v) h 0);
  Printf.printf "sorted keys digest %s\n"
    (Digest.to_hex (Digest.string (String.concat "," keys)));
  let st = Hashtbl.stats h in
  Printf.printf "bindings %d, buckets %d, max bucket small: %b\n" st.num_bindings
    st.num_buckets (st.max_bucket_length < 20);
  (* Two random tables hold the same bindings whatever their orders. *)
  let h2 = Hashtbl.create ~random:true 1 in
  Hashtbl.iter (fun k v -> Hashtbl.add h2 k v) h;
  Printf.printf "same bindings: %b\n"
    (Hashtbl.fold (fun k v ok -> ok && Hashtbl.find h2 k = v) h true
     && Hashtbl.length h2 = Hashtbl.length h);
  let c = Hashtbl.copy h in
  Hashtbl.filter_map_inplace (fun _ v -> if v mod 2 = 0 then Some (v / 2) else None) c;
  Printf.printf "filtered %d, max %d\n" (Hashtbl.length c)
    (Hashtbl.fold (fun _ v m -> max v m) c 0);
  Printf.printf "rebuild keeps bindings: %b\n"
    (let r = Hashtbl.rebuild ~random:true c in
     Hashtbl.length r = Hashtbl.length c
     && Hashtbl.fold (fun k v ok -> ok && Hashtbl.find r k = v) c true)
