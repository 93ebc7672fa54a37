(* exit: 0
   Deep non-tail recursion overflows the system stack: the runtime's SIGSEGV
   handler on its alternate stack turns that into Stack_overflow, more than
   once, and the program goes on normally afterwards.
   OCaml 4.13.1 on amd64/Linux raises from the handler without saving the
   allocation pointer (%r15; fixed upstream by ocaml/ocaml#10633, not in
   4.13.1), so words allocated since the runtime last saw it are handed out
   again.  Gc.minor before each overflow makes that set empty, so this test
   checks the recovery path rather than that upstream bug. *)

let rec depth n = if n = 0 then 0 else 1 + depth (n - 1)

let attempt i =
  Gc.minor ();
  match depth 100_000_000 with
  | d -> Printf.printf "attempt %d: no overflow (%d)\n" i d
  | exception Stack_overflow -> Printf.printf "attempt %d: Stack_overflow caught\n" i

let () =
  attempt 1;
  attempt 2;
  Printf.printf "after: %d\n" (depth 10_000);
  let l = List.init 3_000_000 (fun i -> i) in
  Gc.full_major ();
  Printf.printf "list %d %d\n" (List.length l) (List.fold_left ( + ) 0 l);
  attempt 3;
  print_endline "done"
