Console.WriteLine("tools");
