(* The idle test's program (tests/idle/run.sh): spins on the clock for
   5 s, the busy baseline, then sleeps 5 s.  Each phase is framed by lines
   the test watches for; the end line gives its length as the guest's
   clock measured it.  The machine stays up a little longer, so that the
   test reads QEMU's CPU time after the last line before QEMU is gone. *)

let seconds = 5.0

let phase name f =
  Printf.printf "%s: start\n%!" name;
  let t0 = Unix.gettimeofday () in
  f ();
  Printf.printf "%s: end %.3f s\n%!" name (Unix.gettimeofday () -. t0)

let spin () =
  let t0 = Unix.gettimeofday () in
  while Unix.gettimeofday () -. t0 < seconds do () done

let () =
  phase "spin" spin;
  phase "sleep" (fun () -> Unix.sleepf seconds);
  Unix.sleepf 2.0
