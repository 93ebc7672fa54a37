(* compare_values: polymorphic comparison and equality on structured
   values (records, variants, tuples, lists, arrays, floats with nan,
   strings of different lengths), physical equality, Option/Result/Either
   and Fun helpers, and the failures on functional values. *)
type r = { a : int; b : string; c : float list }
type v = A | B of int | C of string * v | D of { x : int }

let () =
  let vs = [ D { x = 1 }; C ("z", A); B 3; A; B (-1); C ("a", B 0); D { x = 0 } ] in
  Printf.printf "sorted variants: %s\n"
    (String.concat " " (List.map (function A -> "A" | B i -> "B" ^ string_of_int i
                                         | C (s, _) -> "C" ^ s | D { x } -> "D" ^ string_of_int x)
                          (List.sort compare vs)));
  let r1 = { a = 1; b = "x"; c = [ 1.; 2. ] } and r2 = { a = 1; b = "x"; c = [ 1.; 3. ] } in
  Printf.printf "records: %d %b %b\n" (compare r1 r2) (r1 = { r1 with a = 1 }) (r1 == { r1 with a = 1 });
  Printf.printf "tuples: %d %d, lists: %d %d, arrays: %d %d\n" (compare (1, "b") (1, "a"))
    (compare (0, 0) (0, 1)) (compare [ 1; 2 ] [ 1; 2; 3 ]) (compare [ 2 ] [ 1; 5 ])
    (compare [| 1; 2 |] [| 1; 2; 3 |]) (compare [| 3 |] [| 1; 2 |]);
  Printf.printf "strings: %d %d %d\n" (compare "abc" "abcd") (compare "b" "abcd") (compare "" "");
  Printf.printf "floats: nan=nan %b, compare nan nan %d, [nan]=[nan] %b, compare [nan] [nan] %d, \
                 nan < 1 %b, compare nan neg_infinity %d\n"
    (nan = nan) (compare nan nan) ([ nan ] = [ nan ]) (compare [ nan ] [ nan ]) (nan < 1.)
    (compare nan neg_infinity);
  Printf.printf "min/max: %d %s %s\n" (min 3 (-3)) (max "a" "b") (match max None (Some 1) with Some i -> string_of_int i | None -> "None");
  Printf.printf "physical: %b %b %b\n" ("a" ^ "" == "a" ^ "") (let s = "s" in s == s) ([] == []);
  (match compare (fun x -> x) (fun x -> x) with
   | _ -> print_endline "compared closures?"
   | exception Invalid_argument m -> Printf.printf "Invalid_argument %s\n" m);
  (match (fun x -> x + 1) = (fun x -> x + 1) with
   | _ -> print_endline "equal closures?"
   | exception Invalid_argument m -> Printf.printf "Invalid_argument %s\n" m);
  let rec cyc = 1 :: cyc in
  Printf.printf "cyclic physical equal: %b\n" (cyc == List.tl cyc);
  Printf.printf "Option: %s %d %b; Result: %s %d; Either: %s\n"
    (Option.fold ~none:"none" ~some:string_of_int (Option.map succ (Some 1)))
    (Option.value ~default:7 None) (Option.is_some (Option.join (Some (Some 1))))
    (match Result.bind (Ok 2) (fun x -> if x > 1 then Error "too big" else Ok x) with
     | Ok _ -> "ok" | Error e -> e)
    (Result.value ~default:0 (Ok 5))
    (match Either.find_left (Either.Left 1) with Some i -> string_of_int i | None -> "none");
  Printf.printf "Fun: %d %d %b\n" (Fun.id 4) (Fun.const 5 ()) (Fun.negate (( = ) 1) 2);
  Printf.printf "Bool/Int/Char/Unit: %b %d %s %d %b\n" (Bool.( && ) true false) (Int.max 3 9)
    (Bool.to_string true) (Char.compare 'a' 'b') (Unit.equal () ());
  Printf.printf "hash of equal values: %b\n" (Hashtbl.hash r1 = Hashtbl.hash { r1 with a = 1 })
