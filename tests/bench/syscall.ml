(* Syscall round trip: the cheapest syscall (getppid) many times over.
   Prints nanoseconds per call; the same program runs on Linux as the
   baseline. *)
let () =
  let n = try int_of_string Sys.argv.(1) with _ -> 200_000 in
  let t0 = Unix.gettimeofday () in
  for _ = 1 to n do ignore (Unix.getppid ()) done;
  let t1 = Unix.gettimeofday () in
  Printf.printf "%.1f\n" ((t1 -. t0) *. 1e9 /. float_of_int n)
