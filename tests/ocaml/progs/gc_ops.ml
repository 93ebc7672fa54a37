(* gc_ops: the GC under control: Gc.stat/quick_stat/counters sanity
   properties, minor/major/full_major/compact counts, Gc.get/set round
   trips, finalisers run by full_major (finalise and finalise_last), alarms,
   and data that must survive compaction unchanged. *)
let () =
  let s0 = Gc.stat () in
  Printf.printf "heap_words > 0: %b, live <= heap: %b, chunks >= 1: %b\n"
    (s0.heap_words > 0) (s0.live_words <= s0.heap_words) (s0.heap_chunks >= 1);
  let minor0 = (Gc.quick_stat ()).minor_collections in
  Gc.minor ();
  let major0 = (Gc.quick_stat ()).major_collections in
  Gc.full_major ();
  let q = Gc.quick_stat () in
  Printf.printf "minor grew: %b, major grew: %b\n" (q.minor_collections > minor0)
    (q.major_collections > major0);
  let c0 = (Gc.quick_stat ()).compactions in
  Gc.compact ();
  Printf.printf "compactions grew: %b\n" ((Gc.quick_stat ()).compactions > c0);
  let (mw0, _, _) = Gc.counters () in
  let junk = List.init 10_000 (fun i -> (i, i)) in
  let (mw1, _, _) = Gc.counters () in
  Printf.printf "allocation counted: %b (list length %d)\n" (mw1 -. mw0 >= 30_000.) (List.length junk);
  Printf.printf "allocated_bytes grows: %b, minor_words > 0: %b\n"
    (let a = Gc.allocated_bytes () in ignore (Sys.opaque_identity (Array.make 100 0.)); Gc.allocated_bytes () > a)
    (Gc.minor_words () > 0.);
  let p = Gc.get () in
  Gc.set { p with space_overhead = 90; max_overhead = 400 };
  let p' = Gc.get () in
  Printf.printf "set/get: space_overhead %d, max_overhead %d\n" p'.space_overhead p'.max_overhead;
  Gc.set p;
  (* Finalisers: run by full_major once the value is unreachable. *)
  let finalised = ref [] in
  let make i =
    let r = ref i in
    Gc.finalise (fun r -> finalised := !r :: !finalised) r;
    Gc.finalise_last (fun () -> finalised := (1000 + i) :: !finalised) r;
    r
  in
  let keep = Array.init 10 make in
  for i = 0 to 9 do if i mod 2 = 0 then keep.(i) <- ref (-1) done;
  Gc.full_major ();
  Gc.full_major ();
  let l = List.sort compare !finalised in
  Printf.printf "finalised: %s\n" (String.concat " " (List.map string_of_int l));
  Printf.printf "kept alive: %d\n" (Array.fold_left (fun a r -> a + !r) 0 keep);
  Gc.finalise_release ();
  (* Alarms run at the end of each major cycle. *)
  let alarms = ref 0 in
  let al = Gc.create_alarm (fun () -> incr alarms) in
  Gc.full_major ();
  Gc.full_major ();
  Gc.delete_alarm al;
  Printf.printf "alarm ran: %b\n" (!alarms >= 2);
  (* Data is intact after compactions with the heap shrinking. *)
  let data = Array.init 2000 (fun i -> String.make (i mod 50) (Char.chr (65 + i mod 26))) in
  let d0 = Digest.string (String.concat "" (Array.to_list data)) in
  for i = 0 to 1999 do if i mod 3 <> 0 then data.(i) <- "" done;
  Gc.compact ();
  for i = 0 to 1999 do if i mod 3 <> 0 then data.(i) <- String.make (i mod 50) (Char.chr (65 + i mod 26)) done;
  Gc.compact ();
  Printf.printf "digest stable across compaction: %b\n"
    (Digest.equal d0 (Digest.string (String.concat "" (Array.to_list data))));
  let s1 = Gc.stat () in
  Printf.printf "stat after: live <= heap %b, free_words >= 0 %b, top_heap >= heap %b, \
                 fragments >= 0 %b\n"
    (s1.live_words <= s1.heap_words) (s1.free_words >= 0)
    (s1.top_heap_words >= s1.heap_words) (s1.fragments >= 0);
  Printf.printf "stack_size >= 0: %b, minor_heap_size %d\n" (s1.stack_size >= 0) (Gc.get ()).minor_heap_size
