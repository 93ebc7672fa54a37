(* array_list: Array and List: sorts (stable and not), blit, sub, append,
   matrices, iterators with two arguments, assoc lists, and long lists. *)
let pl l = String.concat " " (List.map string_of_int l)
let pa a = pl (Array.to_list a)

let () =
  let a = Array.init 20 (fun i -> (i * 7919) mod 23) in
  Printf.printf "array: %s\n" (pa a);
  let s = Array.copy a in
  Array.sort compare s;
  Printf.printf "sorted: %s\n" (pa s);
  let pairs = Array.init 12 (fun i -> (i mod 3, i)) in
  Array.stable_sort (fun (a, _) (b, _) -> compare a b) pairs;
  Printf.printf "stable: %s\n"
    (String.concat " " (Array.to_list (Array.map (fun (k, i) -> Printf.sprintf "%d/%d" k i) pairs)));
  Array.blit a 0 a 5 10;
  Printf.printf "blit overlap: %s\n" (pa a);
  Printf.printf "sub: %s, append: %s, concat len: %d\n" (pa (Array.sub a 3 4))
    (pa (Array.append [| 1; 2 |] [| 3 |])) (Array.length (Array.concat [ a; a; [||] ]));
  let m = Array.make_matrix 3 4 0 in
  for i = 0 to 2 do for j = 0 to 3 do m.(i).(j) <- i * 10 + j done done;
  Printf.printf "matrix: %s\n" (String.concat " / " (Array.to_list (Array.map pa m)));
  Printf.printf "fold_left %d, fold_right %s, exists %b, for_all2 %b, mem %b, memq %b\n"
    (Array.fold_left ( + ) 0 s) (Array.fold_right (fun x acc -> acc ^ string_of_int x) [| 1; 2; 3 |] "")
    (Array.exists (( = ) 22) s) (Array.for_all2 ( <= ) [| 1; 2 |] [| 1; 3 |]) (Array.mem 5 s)
    (Array.memq "x" [| "y" |]);
  Printf.printf "map2: %s, find_opt: %s, split/combine: %s\n"
    (pa (Array.map2 ( * ) [| 1; 2; 3 |] [| 4; 5; 6 |]))
    (match Array.find_opt (fun x -> x > 20) s with Some x -> string_of_int x | None -> "none")
    (let x, y = Array.split [| (1, 'a'); (2, 'b') |] in
     pa x ^ " " ^ String.of_seq (Array.to_seq y));
  (try ignore (Array.map2 ( + ) [| 1 |] [| 1; 2 |]) with Invalid_argument e -> print_endline e);
  (try a.(20) <- 0 with Invalid_argument e -> print_endline e);
  Printf.printf "float array: %s, fill: %s\n"
    (String.concat " " (Array.to_list (Array.map string_of_float (Array.make 3 0.5))))
    (let f = Array.make 6 0 in Array.fill f 1 3 9; pa f);
  let l = List.init 10 (fun i -> (i * 3) mod 10) in
  Printf.printf "list: %s | sort_uniq: %s | rev: %s\n" (pl l)
    (pl (List.sort_uniq compare (l @ l))) (pl (List.rev l));
  Printf.printf "filteri: %s | filter_map: %s | concat_map: %s | partition: %s\n"
    (pl (List.filteri (fun i _ -> i mod 2 = 0) l))
    (pl (List.filter_map (fun x -> if x > 5 then Some (x * 10) else None) l))
    (pl (List.concat_map (fun x -> [ x; x ]) [ 1; 2 ]))
    (let a, b = List.partition (fun x -> x < 5) l in pl a ^ " / " ^ pl b);
  Printf.printf "merge: %s | fold_left2: %d | assoc: %s | mem_assoc: %b | nth: %d\n"
    (pl (List.merge compare [ 1; 4; 9 ] [ 2; 3; 10 ]))
    (List.fold_left2 (fun acc a b -> acc + a * b) 0 [ 1; 2; 3 ] [ 4; 5; 6 ])
    (List.assoc "b" [ ("a", "1"); ("b", "2") ]) (List.mem_assoc 3 [ (3, ()) ])
    (List.nth l 4);
  Printf.printf "find_map: %s | compare_lengths: %d | equal: %b | init_tail_len: %d\n"
    (match List.find_map (fun x -> if x > 7 then Some (string_of_int x) else None) l with
     | Some s -> s | None -> "none")
    (List.compare_lengths [ 1 ] [ 1; 2 ]) (List.equal ( = ) l l)
    (List.length (List.init 1_000_000 Fun.id));
  (* List.map is not tail-recursive: 100000 elements must still work. *)
  let long = List.init 100_000 Fun.id in
  Printf.printf "long map sum: %d, rev_map: %d, append: %d\n"
    (List.fold_left ( + ) 0 (List.map succ long)) (List.hd (List.rev_map succ long))
    (List.length (long @ long));
  (try ignore (List.nth l 100) with Failure e -> print_endline e);
  (try ignore (List.combine [ 1 ] []) with Invalid_argument e -> print_endline e)
