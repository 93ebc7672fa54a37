(* exceptions: raising and catching with payloads, match-with-exception,
   exception printers, Fun.protect ordering, Exit/Not_found, local
   exceptions, exceptions crossing higher-order functions and finalisers. *)
exception E0
exception E1 of int
exception E2 of string * float
exception Custom of int list

let () =
  Printexc.register_printer (function
      | Custom l -> Some ("Custom[" ^ String.concat ";" (List.map string_of_int l) ^ "]")
      | _ -> None)

let describe f =
  match f () with
  | v -> Printf.sprintf "value %d" v
  | exception E0 -> "E0"
  | exception E1 n when n > 10 -> Printf.sprintf "big E1 %d" n
  | exception E1 n -> Printf.sprintf "E1 %d" n
  | exception (E2 (s, x)) -> Printf.sprintf "E2 %s %g" s x
  | exception e -> "other: " ^ Printexc.to_string e

let () =
  List.iter (fun f -> print_endline (describe f)) [
    (fun () -> 1); (fun () -> raise E0); (fun () -> raise (E1 3));
    (fun () -> raise (E1 30)); (fun () -> raise (E2 ("x", 1.5)));
    (fun () -> raise (Custom [ 1; 2 ])); (fun () -> raise Not_found);
    (fun () -> failwith "failure"); (fun () -> invalid_arg "bad arg");
    (fun () -> 1 / 0); (fun () -> [| 1 |].(1)); (fun () -> List.hd []);
    (fun () -> int_of_string "x"); (fun () -> raise Exit);
    (fun () -> assert false);
    (fun () -> (match Sys.opaque_identity 3 with 1 -> 0 | 2 -> 1 | _ -> raise (E1 (-1))));
    (fun () -> String.get "abc" 5 |> Char.code);
    (fun () -> raise (Sys_error "sys")); (fun () -> raise End_of_file);
  ];
  (* Nested handlers and re-raise. *)
  let trace = Buffer.create 64 in
  (try
     try
       try raise (E1 1)
       with E1 n -> Buffer.add_string trace "inner;"; raise (E1 (n + 1))
     with e -> Buffer.add_string trace "middle;"; raise e
   with E1 n -> Printf.bprintf trace "outer %d" n);
  print_endline (Buffer.contents trace);
  (* Fun.protect runs finally on both paths. *)
  let log = ref [] in
  let r = Fun.protect ~finally:(fun () -> log := "finally1" :: !log) (fun () -> 5) in
  (try Fun.protect ~finally:(fun () -> log := "finally2" :: !log) (fun () -> raise E0)
   with E0 -> log := "caught" :: !log);
  (try Fun.protect ~finally:(fun () -> raise (E1 9)) (fun () -> ())
   with Fun.Finally_raised e -> log := ("Finally_raised " ^ Printexc.to_string e) :: !log);
  Printf.printf "protect: %d, %s\n" r (String.concat ", " (List.rev !log));
  (* A local exception and a handler deep in a recursion. *)
  let exception Found of int in
  let rec search i = if i * i > 500 then raise (Found i) else 1 + search (i + 1) in
  (match search 0 with _ -> () | exception Found i -> Printf.printf "found %d\n" i);
  let count = ref 0 in
  (try List.iter (fun x -> if x = 50 then raise Exit; incr count) (List.init 100 Fun.id)
   with Exit -> ());
  Printf.printf "iterated %d before Exit\n" !count;
  Printf.printf "exn_slot_name: %s %s\n" (Printexc.exn_slot_name (E1 0))
    (Printexc.exn_slot_name Not_found);
  (* Many raises: the handler chain must stay intact. *)
  let n = ref 0 in
  for i = 1 to 100_000 do try if i land 1 = 0 then raise (E1 i) with E1 _ -> incr n done;
  Printf.printf "caught %d\n" !n;
  print_endline (Printexc.to_string (E2 ("payload", 2.5)));
  print_endline (Printexc.to_string (Failure "f"));
  print_endline (Printexc.to_string (Invalid_argument "i"))
