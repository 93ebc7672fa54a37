(* unix_time: Unix.time and gettimeofday are after 2020 and agree, never go
   backwards over a busy loop, gmtime of fixed instants, Unix.times and
   Sys.time sanity; nothing printed depends on the actual time. *)
let () =
  let t = Unix.time () and g = Unix.gettimeofday () in
  Printf.printf "time after 2020: %b, gettimeofday agrees: %b, has fraction-ish: %b\n"
    (t > 1.577836800e9) (abs_float (g -. t) < 2.) (g = g);
  let prev = ref (Unix.gettimeofday ()) and backwards = ref 0 in
  for _ = 1 to 2000 do
    let now = Unix.gettimeofday () in
    if now < !prev then incr backwards;
    prev := now
  done;
  Printf.printf "gettimeofday went backwards %d times\n" !backwards;
  List.iter (fun x ->
      let tm = Unix.gmtime x in
      Printf.printf "gmtime %.0f: %04d-%02d-%02d %02d:%02d:%02d wday %d yday %d dst %b\n" x
        (tm.tm_year + 1900) (tm.tm_mon + 1) tm.tm_mday tm.tm_hour tm.tm_min tm.tm_sec
        tm.tm_wday tm.tm_yday tm.tm_isdst)
    [ 0.; 1e9; 951782400.; 2147483647.; 2147483648.; 4102444800.; -86400. ];
  let tm = Unix.gmtime 1700000000. in
  Printf.printf "gmtime round trip via fields: %d\n"
    (((tm.tm_yday * 24 + tm.tm_hour) * 60 + tm.tm_min) * 60 + tm.tm_sec);
  let tms = Unix.times () in
  Printf.printf "times: user >= 0 %b, system >= 0 %b, children 0 %b\n"
    (tms.tms_utime >= 0.) (tms.tms_stime >= 0.) (tms.tms_cutime = 0.);
  let a = Sys.time () in
  let x = ref 0. in
  for i = 1 to 200_000 do x := !x +. sqrt (float i) done;
  let b = Sys.time () in
  Printf.printf "Sys.time monotonic: %b, nonnegative: %b (%b)\n" (b >= a) (a >= 0.) (!x > 0.)
