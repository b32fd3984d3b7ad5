export function App() {
  return <main><h1>Coreplay</h1></main>;
}
