let x : int = "not an int"
