namespace Tuner.Search.Samplers.Tpe;

/// <summary>
/// The sets of parameters that multivariate TPE models jointly, from the finished trials of the history.
/// Without grouping: the one set of parameters present in every finished trial (Optuna's IntersectionSearchSpace
/// with include_pruned). With grouping: parameters that occur in exactly the same finished trials form a group,
/// which is what the partition refinement of optuna/search_space/group_decomposed.py computes. Single-valued
/// parameters are left out, as in TPESampler.infer_relative_search_space.
/// </summary>
internal static class TpeGroups
{
    public static List<int[]> Find(TpeHistory history, TpeDimension[] dimensions, bool group)
    {
        var groups = new List<List<int>>();
        var finishedRows = new List<int>();
        for (var r = 0; r < history.Finished.Length; r++)
        {
            if (history.Finished[r])
            {
                finishedRows.Add(r);
            }
        }

        if (finishedRows.Count == 0)
        {
            return [];
        }

        for (var d = 0; d < dimensions.Length; d++)
        {
            if (dimensions[d].IsSingle || !IsPresentIn(history.Columns[d], finishedRows, all: !group))
            {
                continue;
            }

            var home = group ? groups.Find(g => SamePresence(history.Columns[g[0]], history.Columns[d], finishedRows)) : groups.FirstOrDefault();
            if (home is null)
            {
                groups.Add([d]);
            }
            else
            {
                home.Add(d);
            }
        }

        return groups.ConvertAll(g => g.ToArray());
    }

    private static bool IsPresentIn(double[] column, List<int> rows, bool all)
    {
        foreach (var r in rows)
        {
            if (double.IsNaN(column[r]) == all)
            {
                return !all;
            }
        }

        return all;
    }

    private static bool SamePresence(double[] a, double[] b, List<int> rows)
    {
        foreach (var r in rows)
        {
            if (double.IsNaN(a[r]) != double.IsNaN(b[r]))
            {
                return false;
            }
        }

        return true;
    }
}
