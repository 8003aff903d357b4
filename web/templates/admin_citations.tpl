{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/admin">{{t_admin_title}}</a></p>
<h1>{{t_citations_unresolved}}</h1>
<p class="help">{{t_citations_unresolved_help}}</p>
{{#NONE}}<p>{{t_citations_none}}</p>{{/NONE}}
{{#HAS}}<div class="table-scroll"><table><thead><tr><th scope="col">{{t_citations_where}}</th><th scope="col">{{t_citations_text}}</th></tr></thead><tbody>
{{#ROWS}}<tr><td><a href="{{P}}{{URL}}">{{WHERE}}</a></td><td dir="auto"><bdi>{{TEXT}}</bdi></td></tr>{{/ROWS}}
</tbody></table></div>{{/HAS}}
