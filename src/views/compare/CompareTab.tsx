/** The Compare tab: two sides of the scenario with their analyses, and two runs. Loaded with its tab. */
import { CompareAnalysis } from './CompareAnalysis';
import { CompareView } from './CompareView';
import { RunCompare } from './RunCompare';

export default function CompareTab() {
  return (
    <CompareView
      extra={(sides) => (
        <>
          <CompareAnalysis left={sides.left} right={sides.right} />
          <RunCompare />
        </>
      )}
    />
  );
}
