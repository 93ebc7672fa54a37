(* unix_sleep: Unix.sleepf takes at least the time asked, measured with
   gettimeofday; select with no descriptors sleeps for its timeout; the
   clock moves across a sleep. *)
let measure f = let t0 = Unix.gettimeofday () in f (); Unix.gettimeofday () -. t0

let () =
  List.iter (fun d ->
      let took = measure (fun () -> Unix.sleepf d) in
      Printf.printf "sleepf %.3f: took >= asked %b, not absurdly long %b\n" d (took >= d) (took < d +. 5.))
    [ 0.001; 0.05; 0.2 ];
  let took = measure (fun () -> ignore (Unix.select [] [] [] 0.1)) in
  Printf.printf "select timeout 0.1: >= 0.1 %b\n" (took >= 0.1);
  Printf.printf "sleepf 0 returns: %b\n" (measure (fun () -> Unix.sleepf 0.) >= 0.);
  let c0 = Sys.time () in
  Unix.sleepf 0.1;
  Printf.printf "sleeping is not busy: %b\n" (Sys.time () -. c0 < 0.09)
